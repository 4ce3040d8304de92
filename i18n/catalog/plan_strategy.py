"""Planning: strategy notes (personas, buying journey, SWOT, competitors)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "plan.strategy_title": {"nb": "Strateginotater", "en": "Strategy notes"},
    "plan.strat.intro": {
        "nb": "Det som styrer budskap og kanalvalg, samlet ved siden av tallene: hvem dere selger til, hva som "
              "skiller dere fra de andre, og setningen som sier hvorfor kunden skal velge dere.",
        "en": "What steers your message and channel choices, kept next to the numbers: who you sell to, what sets "
              "you apart, and the sentence that says why a customer should choose you.",
    },
    "plan.strat.tab.value_prop": {"nb": "Verditilbud", "en": "Value proposition"},
    "plan.strat.tab.personas": {"nb": "Personas", "en": "Personas"},
    "plan.strat.tab.swot": {"nb": "SWOT", "en": "SWOT"},
    "plan.strat.tab.competitors": {"nb": "Konkurrenter", "en": "Competitors"},
    "plan.strat.tab.export": {"nb": "Eksport", "en": "Export"},
    "plan.strat.saved": {"nb": "«{name}» er lagret.", "en": "“{name}” was saved."},
    "plan.strat.delete": {"nb": "Slett", "en": "Delete"},
    "plan.strat.vp_help": {
        "nb": "Fyll inn de fem delene, så setter Mandag sammen verditilbudet i én setning. Bruk den samme "
              "setningen på nettstedet, i annonsene og i e-postene.",
        "en": "Fill in the five parts and Mandag puts the value proposition together in one sentence. Use the same "
              "sentence on the website, in the ads and in the e-mails.",
    },
    "plan.strat.vp_pattern": {
        "nb": "For [målgruppe] som [problem], tilbyr vi [løsning] som gir [resultat], fordi [bevis].",
        "en": "For [audience] who [problem], we offer [solution] that gives [result], because [proof].",
    },
    "plan.strat.f.vp_audience": {"nb": "Målgruppe", "en": "Audience"},
    "plan.strat.f.vp_problem": {"nb": "Problem", "en": "Problem"},
    "plan.strat.f.vp_solution": {"nb": "Løsning", "en": "Solution"},
    "plan.strat.f.vp_result": {"nb": "Resultat", "en": "Result"},
    "plan.strat.f.vp_proof": {"nb": "Bevis eller det som skiller dere ut", "en": "Proof or what sets you apart"},
    "plan.strat.ph.vp_audience": {"nb": "huseiere i Tromsø", "en": "homeowners in Tromsø"},
    "plan.strat.ph.vp_problem": {"nb": "har fått en lekkasje", "en": "have a leak"},
    "plan.strat.ph.vp_solution": {"nb": "døgnåpen rørleggervakt", "en": "a plumber on call day and night"},
    "plan.strat.ph.vp_result": {"nb": "tørt gulv samme dag", "en": "a dry floor the same day"},
    "plan.strat.ph.vp_proof": {"nb": "vi rykker ut innen to timer", "en": "we are on site within two hours"},
    "plan.strat.persona_help": {
        "nb": "To eller tre personas holder. Beskriv hvem de er, hva som får dem til å kjøpe og hva som holder "
              "dem tilbake, og kartlegg spørsmålene de stiller gjennom kjøpsreisen.",
        "en": "Two or three personas are enough. Describe who they are, what makes them buy and what holds them "
              "back, and map the questions they ask along the buying journey.",
    },
    "plan.strat.f.name": {"nb": "Navn", "en": "Name"},
    "plan.strat.f.role": {"nb": "Rolle", "en": "Role"},
    "plan.strat.f.needs": {"nb": "Behov", "en": "Needs"},
    "plan.strat.f.trigger": {"nb": "Utløser for kjøp", "en": "Buying trigger"},
    "plan.strat.f.objections": {"nb": "Innvendinger", "en": "Objections"},
    "plan.strat.f.criteria": {"nb": "Beslutningskriterier", "en": "Decision criteria"},
    "plan.strat.f.channels": {"nb": "Kanaler", "en": "Channels"},
    "plan.strat.f.questions": {"nb": "Spørsmål de stiller", "en": "Questions they ask"},
    "plan.strat.f.content": {"nb": "Innhold som svarer", "en": "Content that answers"},
    "plan.strat.ph.persona_name": {"nb": "f.eks. Huseier med akutt lekkasje", "en": "e.g. Homeowner with an urgent leak"},
    "plan.strat.journey": {"nb": "Kjøpsreisen", "en": "The buying journey"},
    "plan.strat.journey_help": {
        "nb": "Behov: de oppdager problemet. Vurdering: de sammenligner løsninger. Beslutning: de trenger trygghet "
              "for å velge.",
        "en": "Need: they discover the problem. Consideration: they compare solutions. Decision: they need "
              "reassurance to choose.",
    },
    "plan.strat.stage.need": {"nb": "Behov", "en": "Need"},
    "plan.strat.stage.consideration": {"nb": "Vurdering", "en": "Consideration"},
    "plan.strat.stage.decision": {"nb": "Beslutning", "en": "Decision"},
    "plan.strat.new_persona": {"nb": "Ny persona", "en": "New persona"},
    "plan.strat.add_persona": {"nb": "Legg til personaen", "en": "Add the persona"},
    "plan.strat.limit_few.persona": {
        "nb": "Dere har {n} persona(s). {low}–{high} gir et tydelig bilde av hvem dere selger til.",
        "en": "You have {n} persona(s). {low}–{high} give a clear picture of who you sell to.",
    },
    "plan.strat.limit_many.persona": {
        "nb": "Dere har {n} personas. Med flere enn {high} blir budskapet lett utydelig – vurder å slå noen sammen "
              "(anbefalt {low}–{high}).",
        "en": "You have {n} personas. With more than {high} the message easily blurs – consider merging some "
              "(recommended {low}–{high}).",
    },
    "plan.strat.swot_help": {
        "nb": "Ett punkt per linje. Bygg videre på styrkene, tett de største svakhetene og gå etter de tydeligste "
              "mulighetene.",
        "en": "One point per line. Build on the strengths, fix the biggest weaknesses and go after the clearest "
              "opportunities.",
    },
    "plan.strat.f.strengths": {"nb": "Styrker", "en": "Strengths"},
    "plan.strat.f.weaknesses": {"nb": "Svakheter", "en": "Weaknesses"},
    "plan.strat.f.opportunities": {"nb": "Muligheter", "en": "Opportunities"},
    "plan.strat.f.threats": {"nb": "Trusler", "en": "Threats"},
    "plan.strat.ph.strengths": {"nb": "Hva gjør dere bedre enn andre?", "en": "What do you do better than others?"},
    "plan.strat.ph.weaknesses": {"nb": "Hvor mister dere kunder?", "en": "Where do you lose customers?"},
    "plan.strat.ph.opportunities": {"nb": "Nye behov, partnere, nisjer", "en": "New needs, partners, niches"},
    "plan.strat.ph.threats": {"nb": "Prispress, kjeder, nye regler", "en": "Price pressure, chains, new rules"},
    "plan.strat.comp_help": {
        "nb": "Se på de tre til fem konkurrentene kundene oftest sammenligner dere med.",
        "en": "Look at the three to five competitors customers most often compare you with.",
    },
    "plan.strat.f.promise": {"nb": "Løfte", "en": "Promise"},
    "plan.strat.f.price": {"nb": "Pris", "en": "Price"},
    "plan.strat.f.proof": {"nb": "Bevis", "en": "Proof"},
    "plan.strat.f.weakness": {"nb": "Svakhet", "en": "Weakness"},
    "plan.strat.new_competitor": {"nb": "Ny konkurrent", "en": "New competitor"},
    "plan.strat.add_competitor": {"nb": "Legg til konkurrenten", "en": "Add the competitor"},
    "plan.strat.comp_csv": {"nb": "Last ned konkurrentene (CSV)", "en": "Download the competitors (CSV)"},
    "plan.strat.limit_few.competitor": {
        "nb": "Dere har {n} konkurrent(er) registrert; {low}–{high} gir et godt sammenligningsgrunnlag.",
        "en": "You have {n} competitor(s) listed; {low}–{high} give a good basis for comparison.",
    },
    "plan.strat.limit_many.competitor": {
        "nb": "Dere har {n} konkurrenter. Hold dere til de {high} viktigste (anbefalt {low}–{high}).",
        "en": "You have {n} competitors. Stick to the {high} most important (recommended {low}–{high}).",
    },
    "plan.strat.export_help": {
        "nb": "Last ned alle notatene som ett Markdown-dokument, klart for deling eller utskrift.",
        "en": "Download all the notes as one Markdown document, ready to share or print.",
    },
    "plan.strat.download": {"nb": "Last ned som Markdown", "en": "Download as Markdown"},
    "plan.strat.preview": {"nb": "Forhåndsvisning", "en": "Preview"},
    "plan.strat.err.required": {"nb": "{field} må fylles ut.", "en": "{field} is required."},
    "plan.strat.err.too_long": {"nb": "{field} er for lang (høyst 2000 tegn).", "en": "{field} is too long (at most 2,000 characters)."},
    "plan.strat.err.unknown_field": {"nb": "Ukjent felt: {field}.", "en": "Unknown field: {field}."},
    "plan.strat.err.unknown_section": {"nb": "Ukjent del: {field}.", "en": "Unknown section: {field}."},
    "plan.strat.md.title": {"nb": "Markedsstrategi", "en": "Marketing strategy"},
    "plan.strat.md.value_prop": {"nb": "Verditilbud", "en": "Value proposition"},
    "plan.strat.md.personas": {"nb": "Personas", "en": "Personas"},
    "plan.strat.md.journey": {"nb": "Kjøpsreisen", "en": "Buying journey"},
    "plan.strat.md.swot": {"nb": "SWOT", "en": "SWOT"},
    "plan.strat.md.competitors": {"nb": "Konkurrenter", "en": "Competitors"},
    "plan.strat.md.empty": {"nb": "Ikke fylt ut ennå.", "en": "Not filled in yet."},
}
