"""Planning pages: ICE backlog, budget, 90-day plan, strategy notes."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ shared
    "plan.no_workspace": {
        "nb": "Ingen arbeidsområde er åpent. Opprett et nytt eller åpne demoen i sidepanelet.",
        "en": "No workspace is open. Create one or open the demo from the sidebar.",
    },
    "plan.save": {"nb": "Lagre", "en": "Save"},
    "plan.cancel": {"nb": "Avbryt", "en": "Cancel"},
    "plan.yes_delete": {"nb": "Ja, slett", "en": "Yes, delete"},
    "plan.confirm_delete": {
        "nb": "Vil du slette «{name}»? Det kan ikke angres.",
        "en": "Delete “{name}”? This cannot be undone.",
    },
    "plan.deleted": {"nb": "«{name}» er slettet.", "en": "“{name}” was deleted."},
    "plan.month.1": {"nb": "januar {year}", "en": "January {year}"},
    "plan.month.2": {"nb": "februar {year}", "en": "February {year}"},
    "plan.month.3": {"nb": "mars {year}", "en": "March {year}"},
    "plan.month.4": {"nb": "april {year}", "en": "April {year}"},
    "plan.month.5": {"nb": "mai {year}", "en": "May {year}"},
    "plan.month.6": {"nb": "juni {year}", "en": "June {year}"},
    "plan.month.7": {"nb": "juli {year}", "en": "July {year}"},
    "plan.month.8": {"nb": "august {year}", "en": "August {year}"},
    "plan.month.9": {"nb": "september {year}", "en": "September {year}"},
    "plan.month.10": {"nb": "oktober {year}", "en": "October {year}"},
    "plan.month.11": {"nb": "november {year}", "en": "November {year}"},
    "plan.month.12": {"nb": "desember {year}", "en": "December {year}"},
    "plan.bucket.proven": {"nb": "Bevist", "en": "Proven"},
    "plan.bucket.improvement": {"nb": "Forbedring", "en": "Improvement"},
    "plan.bucket.experiment": {"nb": "Eksperiment", "en": "Experiment"},

    # ------------------------------------------------------------ ICE
    "plan.ice_title": {"nb": "ICE-prioritering", "en": "ICE backlog"},
    "plan.ice.intro": {
        "nb": "Samle tiltakene dere vurderer, gi hvert av dem en karakter fra 1 til 10 for effekt, sikkerhet og "
              "innsats, og start øverst på lista. Gjør tiltakene i 10 %-potten om til eksperimenter, så får de en "
              "klokke på 4–6 uker.",
        "en": "Collect the actions you are considering, rate each from 1 to 10 for impact, confidence and effort, "
              "and start at the top. Turn the actions in the 10% bucket into experiments so they get a 4–6 week "
              "clock.",
    },
    "plan.ice.formula": {
        "nb": "**Poeng = Effekt × Sikkerhet × (11 − Innsats).** Høy effekt og sikkerhet trekker opp, stor innsats "
              "trekker ned. Eksempel: effekt 7, sikkerhet 8, innsats 2 gir 7 × 8 × 9 = 504 av maks 1 000.",
        "en": "**Score = Impact × Confidence × (11 − Effort).** High impact and confidence raise it, a large effort "
              "lowers it. Example: impact 7, confidence 8, effort 2 gives 7 × 8 × 9 = 504 out of at most 1,000.",
    },
    "plan.ice.col.score": {"nb": "Poeng", "en": "Score"},
    "plan.ice.col.formula": {"nb": "Utregning", "en": "Calculation"},
    "plan.ice.col.name": {"nb": "Tiltak", "en": "Action"},
    "plan.ice.col.channel": {"nb": "Kanal", "en": "Channel"},
    "plan.ice.col.description": {"nb": "Beskrivelse", "en": "Description"},
    "plan.ice.col.impact": {"nb": "Effekt (I)", "en": "Impact (I)"},
    "plan.ice.col.confidence": {"nb": "Sikkerhet (C)", "en": "Confidence (C)"},
    "plan.ice.col.effort": {"nb": "Innsats (E)", "en": "Effort (E)"},
    "plan.ice.col.bucket": {"nb": "Pott", "en": "Bucket"},
    "plan.ice.col.owner": {"nb": "Ansvarlig", "en": "Owner"},
    "plan.ice.col.status": {"nb": "Status", "en": "Status"},
    "plan.ice.col.experiment": {"nb": "Eksperiment", "en": "Experiment"},
    "plan.ice.status.idea": {"nb": "Idé", "en": "Idea"},
    "plan.ice.status.planned": {"nb": "Planlagt", "en": "Planned"},
    "plan.ice.status.doing": {"nb": "Pågår", "en": "In progress"},
    "plan.ice.status.done": {"nb": "Ferdig", "en": "Done"},
    "plan.ice.status.dropped": {"nb": "Droppet", "en": "Dropped"},
    "plan.ice.help_impact": {
        "nb": "Hvor mye kan tiltaket flytte målet? 10 = svært mye.",
        "en": "How much can the action move your goal? 10 = a lot.",
    },
    "plan.ice.help_confidence": {
        "nb": "Hvor sikre er dere på at det virker? 10 = vi har sett det virke før.",
        "en": "How sure are you that it works? 10 = you have seen it work before.",
    },
    "plan.ice.help_effort": {
        "nb": "Hvor mye tid og penger krever det? 1 = en ettermiddag, 10 = flere måneder.",
        "en": "How much time and money does it take? 1 = an afternoon, 10 = several months.",
    },
    "plan.ice.channel_placeholder": {"nb": "f.eks. Paid Search, E-post, Nettsted", "en": "e.g. Paid Search, Email, Website"},
    "plan.ice.empty": {
        "nb": "Backloggen er tom. Legg til et tiltak under, eller start med de foreslåtte tiltakene.",
        "en": "The backlog is empty. Add an action below, or start with the suggested actions.",
    },
    "plan.ice.add_suggestions": {"nb": "Legg til de foreslåtte tiltakene", "en": "Add the suggested actions"},
    "plan.ice.add_suggestions_help": {
        "nb": "Fire tiltak som ofte gir mest per krone for små bedrifter. Tiltak som allerede er lagt til, "
              "legges ikke til på nytt.",
        "en": "Four actions that often give small businesses the most per krone. Actions already added are not "
              "added again.",
    },
    "plan.ice.suggestions_added": {"nb": "{n} foreslåtte tiltak er lagt til.", "en": "{n} suggested actions added."},
    "plan.ice.suggestions_added_one": {"nb": "{n} foreslått tiltak er lagt til.", "en": "{n} suggested action added."},
    "plan.ice.suggestions_none": {
        "nb": "De foreslåtte tiltakene ligger allerede i backloggen.",
        "en": "The suggested actions are already in the backlog.",
    },
    "plan.ice.sugg.site_blockers.name": {
        "nb": "Fjern de verste hindrene på nettstedet",
        "en": "Remove the worst blockers on the website",
    },
    "plan.ice.sugg.site_blockers.desc": {
        "nb": "Få sidene til å laste raskt på mobil og gi hver side én tydelig handlingsknapp (ring oss, få tilbud).",
        "en": "Make pages load fast on mobile and give every page one clear call to action (call us, get a quote).",
    },
    "plan.ice.sugg.gbp_reviews.name": {
        "nb": "Optimaliser Google-bedriftsprofilen og samle anmeldelser",
        "en": "Optimise the Google Business Profile and collect reviews",
    },
    "plan.ice.sugg.gbp_reviews.desc": {
        "nb": "Riktig navn, adresse, telefon, åpningstider og bilder; be hver fornøyde kunde om en anmeldelse på "
              "SMS etter jobben, og svar på alle.",
        "en": "Correct name, address, phone, opening hours and photos; ask every happy customer for a review by "
              "text message after the job, and reply to all of them.",
    },
    "plan.ice.sugg.landing_pages.name": {
        "nb": "Lag 3–5 landingssider for søk med høy kjøpsintensjon",
        "en": "Build 3–5 landing pages for high-intent searches",
    },
    "plan.ice.sugg.landing_pages.desc": {
        "nb": "Én side per tjeneste folk søker etter når de er klare til å kjøpe, med samme budskap som annonsen og "
              "ett klart neste steg.",
        "en": "One page per service people search for when they are ready to buy, with the same message as the ad "
              "and one clear next step.",
    },
    "plan.ice.sugg.email_welcome.name": {
        "nb": "Sett opp en velkomstserie på e-post med en lead-magnet",
        "en": "Set up an e-mail welcome series with a lead magnet",
    },
    "plan.ice.sugg.email_welcome.desc": {
        "nb": "Tilby en nyttig sjekkliste eller mal i bytte mot e-postadressen, og send 3–4 automatiske e-poster "
              "som bygger tillit.",
        "en": "Offer a useful checklist or template in return for the e-mail address, and send 3–4 automatic "
              "e-mails that build trust.",
    },
    "plan.ice.download": {"nb": "Last ned backloggen (CSV)", "en": "Download the backlog (CSV)"},
    "plan.ice.add_header": {"nb": "Nytt tiltak", "en": "New action"},
    "plan.ice.add_button": {"nb": "Legg til tiltaket", "en": "Add the action"},
    "plan.ice.added": {"nb": "«{name}» er lagt til i backloggen.", "en": "“{name}” was added to the backlog."},
    "plan.ice.updated": {"nb": "«{name}» er lagret.", "en": "“{name}” was saved."},
    "plan.ice.edit_header": {"nb": "Endre, slette eller teste et tiltak", "en": "Edit, delete or test an action"},
    "plan.ice.pick": {"nb": "Tiltak", "en": "Action"},
    "plan.ice.delete": {"nb": "Slett tiltaket", "en": "Delete the action"},
    "plan.ice.err.required": {"nb": "{field} må fylles ut.", "en": "{field} is required."},
    "plan.ice.err.too_long": {
        "nb": "{field} kan ha høyst {value} tegn.",
        "en": "{field} can have at most {value} characters.",
    },
    "plan.ice.err.not_whole": {
        "nb": "{field} må være et helt tall fra 1 til 10.",
        "en": "{field} must be a whole number from 1 to 10.",
    },
    "plan.ice.err.out_of_range": {
        "nb": "{field} må være fra 1 til 10, ikke {value}.",
        "en": "{field} must be from 1 to 10, not {value}.",
    },
    "plan.ice.err.unknown_choice": {
        "nb": "{field}: «{value}» er ikke et gyldig valg.",
        "en": "{field}: “{value}” is not a valid choice.",
    },
    "plan.ice.exp_header": {"nb": "Gjør om til eksperiment", "en": "Turn into an experiment"},
    "plan.ice.exp_intro": {
        "nb": "Eksperimentet får en klokke på 4–6 uker og samme vurdering som kanalene: skaler, test videre "
              "eller kutt. Oppgi kampanjenavnet slik det står i annonsekontoen, så havner kostnaden i "
              "eksperimentpotten i budsjettet.",
        "en": "The experiment gets a 4–6 week clock and the same verdict as the channels: scale, keep testing or "
              "cut. Give the campaign name as it appears in the ad account so its spend lands in the experiment "
              "bucket of the budget.",
    },
    "plan.ice.exp_exists": {
        "nb": "Dette tiltaket er allerede registrert som eksperiment #{id}.",
        "en": "This action is already registered as experiment #{id}.",
    },
    "plan.ice.exp_start": {"nb": "Startdato", "en": "Start date"},
    "plan.ice.exp_weeks": {"nb": "Varighet (uker)", "en": "Duration (weeks)"},
    "plan.ice.exp_budget": {"nb": "Budsjett ({currency})", "en": "Budget ({currency})"},
    "plan.ice.exp_target": {"nb": "CPL-mål ({currency})", "en": "CPL target ({currency})"},
    "plan.ice.exp_campaign": {"nb": "Kampanje", "en": "Campaign"},
    "plan.ice.exp_campaign_help": {
        "nb": "Navnet på kampanjen i Google Ads, Meta eller en annen annonsekonto.",
        "en": "The campaign's name in Google Ads, Meta or another ad account.",
    },
    "plan.ice.exp_channel": {"nb": "Kanal", "en": "Channel"},
    "plan.ice.exp_channel_help": {
        "nb": "Kanalgruppen eksperimentet vurderes i, slik den står i annonsedataene (f.eks. Paid Social).",
        "en": "The channel group the experiment is judged in, as it appears in the ad data (e.g. Paid Social).",
    },
    "plan.ice.exp_button": {"nb": "Start eksperimentet", "en": "Start the experiment"},
    "plan.ice.exp_created": {
        "nb": "«{name}» er registrert som eksperiment fra {start}.",
        "en": "“{name}” is registered as an experiment from {start}.",
    },
    "plan.ice.exp_err.channel": {
        "nb": "Velg kanalen eksperimentet skal vurderes i.",
        "en": "Choose the channel the experiment is judged in.",
    },
    "plan.ice.exp_err.weeks": {"nb": "Et eksperiment varer 4–6 uker.", "en": "An experiment runs for 4–6 weeks."},
    "plan.ice.exp_err.budget": {"nb": "Budsjettet kan ikke være negativt.", "en": "The budget cannot be negative."},
    "plan.ice.exp_err.target_value": {
        "nb": "CPL-målet må være over 0, eller tomt for å bruke målet som gjelder.",
        "en": "The CPL target must be above 0, or empty to use the target in force.",
    },

    # ------------------------------------------------------------ budget
    "plan.budget_title": {"nb": "Budsjett 70/20/10", "en": "Budget 70/20/10"},
    "plan.budget.intro": {
        "nb": "Sett et månedsbudsjett for markedsføring, fordel det på tre potter – det som beviselig virker (70 %), "
              "forbedringer (20 %) og nye eksperimenter (10 %) – og se hva som faktisk er brukt ifølge "
              "annonseeksportene.",
        "en": "Set a monthly marketing budget, share it across three buckets – what demonstrably works (70%), "
              "improvements (20%) and new experiments (10%) – and see what was actually spent according to the "
              "ad exports.",
    },
    "plan.budget.month": {"nb": "Måned", "en": "Month"},
    "plan.budget.size_header": {"nb": "Hvor stort budsjett?", "en": "How big a budget?"},
    "plan.budget.carried": {
        "nb": "Denne måneden har ingen egen plan; tallene under er planen fra {month}. Lagre for å gi måneden sin egen.",
        "en": "This month has no plan of its own; the figures below are the plan from {month}. Save to give the "
              "month its own.",
    },
    "plan.budget.revenue_from_crm": {
        "nb": "Omsetning i dataene: i snitt {amount} per måned fra vunne avtaler i CRM ({n} måneder, {first}–{last}).",
        "en": "Revenue in the data: on average {amount} a month from won CRM deals ({n} months, {first}–{last}).",
    },
    "plan.budget.revenue_from_ga4": {
        "nb": "Omsetning i dataene: i snitt {amount} per måned ifølge GA4 ({n} måneder, {first}–{last}).",
        "en": "Revenue in the data: on average {amount} a month according to GA4 ({n} months, {first}–{last}).",
    },
    "plan.budget.revenue_from_platform": {
        "nb": "Omsetning i dataene: i snitt {amount} per måned i konverteringsverdi fra annonseplattformene "
              "({n} måneder, {first}–{last}). Plattformene teller ofte for mye – skriv inn den faktiske omsetningen "
              "hvis du kjenner den.",
        "en": "Revenue in the data: on average {amount} a month in conversion value reported by the ad platforms "
              "({n} months, {first}–{last}). Platforms often over-count – enter your real revenue if you know it.",
    },
    "plan.budget.revenue": {"nb": "Omsetning per måned ({currency})", "en": "Revenue per month ({currency})"},
    "plan.budget.revenue_help": {
        "nb": "Brukes bare til å foreslå hvor stort budsjettet bør være.",
        "en": "Used only to suggest how big the budget should be.",
    },
    "plan.budget.pushing": {"nb": "Vi satser ekstra nå", "en": "We are pushing now"},
    "plan.budget.pushing_help": {
        "nb": "En lansering, et nytt marked eller en bevisst vekstperiode.",
        "en": "A launch, a new market or a deliberate growth period.",
    },
    "plan.budget.guidance": {
        "nb": "Tommelfingerregel: {low_pct}–{high_pct} av omsetningen. Med {revenue} i måneden blir det "
              "**{low}–{high}** til markedsføring.",
        "en": "Rule of thumb: {low_pct}–{high_pct} of revenue. With {revenue} a month that is **{low}–{high}** for "
              "marketing.",
    },
    "plan.budget.guidance_none": {
        "nb": "Skriv inn omsetningen per måned for å se et anbefalt budsjett: 5–10 % av omsetningen, 10–15 % når "
              "dere satser ekstra.",
        "en": "Enter the monthly revenue to see a suggested budget: 5–10% of revenue, 10–15% when pushing.",
    },
    "plan.budget.total": {"nb": "Planlagt markedsbudsjett for måneden ({currency})", "en": "Planned marketing budget for the month ({currency})"},
    "plan.budget.shares_help": {
        "nb": "Fordelingen på pottene, i hele prosent. Den må bli 100 til sammen.",
        "en": "The split across the buckets, in whole percent. It must add up to 100.",
    },
    "plan.budget.share.proven": {"nb": "Bevist, %", "en": "Proven, %"},
    "plan.budget.share.improvement": {"nb": "Forbedring, %", "en": "Improvement, %"},
    "plan.budget.share.experiment": {"nb": "Eksperiment, %", "en": "Experiment, %"},
    "plan.budget.save": {"nb": "Lagre budsjettet", "en": "Save the budget"},
    "plan.budget.saved": {"nb": "Budsjettet for {month} er lagret.", "en": "The budget for {month} was saved."},
    "plan.budget.field.total": {"nb": "Budsjettet", "en": "The budget"},
    "plan.budget.field.revenue": {"nb": "Omsetningen", "en": "The revenue"},
    "plan.budget.field.shares": {"nb": "Fordelingen", "en": "The split"},
    "plan.budget.err.required": {"nb": "{field} må fylles ut.", "en": "{field} is required."},
    "plan.budget.err.negative": {"nb": "{field} kan ikke være negativt.", "en": "{field} cannot be negative."},
    "plan.budget.err.not_whole": {"nb": "{field} må være et helt tall.", "en": "{field} must be a whole number."},
    "plan.budget.err.out_of_range": {
        "nb": "{field} må være mellom 0 og 100, ikke {value}.",
        "en": "{field} must be between 0 and 100, not {value}.",
    },
    "plan.budget.err.shares_sum": {
        "nb": "Fordelingen blir {value} %; de tre pottene må bli 100 % til sammen.",
        "en": "The split adds up to {value}%; the three buckets must add up to 100%.",
    },
    "plan.budget.err.unknown_choice": {"nb": "{field}: ugyldig valg.", "en": "{field}: not a valid choice."},
    "plan.budget.vs_header": {"nb": "Plan mot faktisk per pott", "en": "Planned vs actual per bucket"},
    "plan.budget.no_plan": {
        "nb": "Ingen budsjettplan ennå – lagre et budsjett over for å se planen ved siden av forbruket.",
        "en": "No budget plan yet – save a budget above to see the plan next to the spend.",
    },
    "plan.budget.unconverted": {
        "nb": "{rows} rader med {amount} {currency} mangler valutakurs og er holdt utenfor. Legg inn kurser for "
              "{currency} i innstillingene.",
        "en": "{rows} rows with {amount} {currency} have no exchange rate and are left out. Add rates for "
              "{currency} in the settings.",
    },
    "plan.budget.blocks_note": {
        "nb": "Forbruk fra eksporter uten dagsoppdeling teller bare i en måned som rommer hele perioden.",
        "en": "Spend from exports without a day segment counts only in a month that holds the whole period.",
    },
    "plan.budget.col.bucket": {"nb": "Pott", "en": "Bucket"},
    "plan.budget.col.share": {"nb": "Andel i plan", "en": "Planned share"},
    "plan.budget.col.planned": {"nb": "Planlagt", "en": "Planned"},
    "plan.budget.col.actual": {"nb": "Brukt", "en": "Spent"},
    "plan.budget.col.difference": {"nb": "Avvik", "en": "Difference"},
    "plan.budget.col.actual_share": {"nb": "Faktisk andel", "en": "Actual share"},
    "plan.budget.col.channel": {"nb": "Kanal", "en": "Channel"},
    "plan.budget.col.cap": {"nb": "Dagstak", "en": "Daily cap"},
    "plan.budget.col.cap_input": {"nb": "Dagstak ({currency})", "en": "Daily cap ({currency})"},
    "plan.budget.col.planned_cap": {"nb": "Planlagt (tak × dager)", "en": "Planned (cap × days)"},
    "plan.budget.col.days": {"nb": "Dager", "en": "Days"},
    "plan.budget.col.allowed": {"nb": "Tak hittil", "en": "Cap so far"},
    "plan.budget.col.spent": {"nb": "Brukt hittil", "en": "Spent so far"},
    "plan.budget.col.pace": {"nb": "Tempo mot tak", "en": "Pace vs cap"},
    "plan.budget.col.projected": {"nb": "Anslag for måneden", "en": "Projected month"},
    "plan.budget.col.campaign": {"nb": "Kampanje", "en": "Campaign"},
    "plan.budget.col.origin": {"nb": "Hvorfor", "en": "Why"},
    "plan.budget.channel_header": {"nb": "Per kanal og dagstak", "en": "Per channel and daily caps"},
    "plan.budget.pace_warn": {
        "nb": "**{channel}** ligger {pct} over dagstaket: {spent} brukt på {days} dager mot {allowed} "
              "({cap} per dag), per {as_of}. I dette tempoet blir måneden {projected}.",
        "en": "**{channel}** is running {pct} ahead of its daily cap: {spent} spent in {days} days against "
              "{allowed} ({cap} a day), as of {as_of}. At this pace the month ends at {projected}.",
    },
    "plan.budget.pacing_caption": {
        "nb": "Tempo denne måneden, til og med {as_of} (siste dag med annonsedata).",
        "en": "Pace this month, through {as_of} (the last day with ad data).",
    },
    "plan.budget.no_spend": {
        "nb": "Ingen annonsekostnad denne måneden ennå. Last opp eksporter fra annonsekontoene på Importer-siden.",
        "en": "No ad spend this month yet. Upload exports from the ad accounts on the Import page.",
    },
    "plan.budget.download": {"nb": "Last ned per kanal (CSV)", "en": "Download per channel (CSV)"},
    "plan.budget.caps_header": {"nb": "Dagstak per kanal", "en": "Daily caps per channel"},
    "plan.budget.caps_help": {
        "nb": "Et dagstak er budsjettvernet ditt. Planlagt forbruk for en kanal er dagstaket ganger dagene i "
              "måneden, og du får et varsel når kanalen bruker mer enn taket tilsier. La feltet stå tomt for å "
              "fjerne taket.",
        "en": "A daily cap is your budget guard. A channel's planned spend is its cap times the days in the month, "
              "and you are warned when the channel spends more than the cap allows. Leave a field empty to remove "
              "the cap.",
    },
    "plan.budget.caps_none": {
        "nb": "Ingen kanaler ennå. Kanalene dukker opp her når annonsedata er lastet opp.",
        "en": "No channels yet. They appear here once ad data has been uploaded.",
    },
    "plan.budget.caps_save": {"nb": "Lagre dagstakene", "en": "Save the daily caps"},
    "plan.budget.caps_saved": {"nb": "Dagstakene er lagret.", "en": "The daily caps were saved."},
    "plan.budget.map_header": {"nb": "Kampanjer og potter", "en": "Campaigns and buckets"},
    "plan.budget.map_help": {
        "nb": "Hver kampanje tilhører én pott. Uten valg havner den i «Bevist», og kampanjer som et registrert "
              "eksperiment peker på havner i «Eksperiment».",
        "en": "Each campaign belongs to one bucket. Without a choice it goes to “Proven”, and campaigns named by a "
              "registered experiment go to “Experiment”.",
    },
    "plan.budget.map_none": {
        "nb": "Ingen kampanjer ennå. Last opp annonseeksporter for å fordele dem på pottene.",
        "en": "No campaigns yet. Upload ad exports to assign them to buckets.",
    },
    "plan.budget.origin.set": {"nb": "Valgt", "en": "Chosen"},
    "plan.budget.origin.experiment": {"nb": "Eksperiment", "en": "Experiment"},
    "plan.budget.origin.default": {"nb": "Standard", "en": "Default"},
    "plan.budget.map_save": {"nb": "Lagre pottene", "en": "Save the buckets"},
    "plan.budget.map_saved_one": {"nb": "{n} kampanje fikk ny pott.", "en": "{n} campaign got a new bucket."},
    "plan.budget.map_saved": {"nb": "{n} kampanjer fikk ny pott.", "en": "{n} campaigns got a new bucket."},

    # ------------------------------------------------------------ 90-day plan
    "plan.plan90_title": {"nb": "90-dagersplan", "en": "90-day plan"},
    "plan.p90.intro": {
        "nb": "Arbeid i sykluser på 90 dager: grunnmuren de to første ukene, raske forbedringer i resten av måned 1, "
              "innhold og e-post i måned 2 og betalte tester i måned 3. Hver milepæl har en ansvarlig, en frist og "
              "gjerne et mål eller et eksperiment den skal flytte.",
        "en": "Work in 90-day cycles: the foundations in the first two weeks, quick fixes in the rest of month 1, "
              "content and e-mail in month 2 and paid tests in month 3. Every milestone has an owner, a due date "
              "and ideally a target or experiment it should move.",
    },
    "plan.p90.phase.w1-2": {"nb": "Uke 1–2", "en": "Weeks 1–2"},
    "plan.p90.phase.w3-4": {"nb": "Uke 3–4", "en": "Weeks 3–4"},
    "plan.p90.phase.m2": {"nb": "Måned 2", "en": "Month 2"},
    "plan.p90.phase.m3": {"nb": "Måned 3", "en": "Month 3"},
    "plan.p90.status.todo": {"nb": "Ikke startet", "en": "To do"},
    "plan.p90.status.doing": {"nb": "Pågår", "en": "In progress"},
    "plan.p90.status.done": {"nb": "Ferdig", "en": "Done"},
    "plan.p90.overdue_state": {"nb": "Forfalt", "en": "Overdue"},
    "plan.p90.tpl.goals_kpis": {
        "nb": "Bestem SMART-mål og KPI-ene som skal følges",
        "en": "Agree SMART goals and the KPIs to follow",
    },
    "plan.p90.tpl.personas": {"nb": "Beskriv 2–3 personas og kjøpsreisen deres", "en": "Describe 2–3 personas and their buying journey"},
    "plan.p90.tpl.positioning": {"nb": "Velg posisjon og skriv verditilbudet i én setning", "en": "Choose the position and write the one-sentence value proposition"},
    "plan.p90.tpl.tracking": {
        "nb": "Sett opp sporing: GA4, Search Console, Tag Manager og annonsepiksler",
        "en": "Set up tracking: GA4, Search Console, Tag Manager and ad pixels",
    },
    "plan.p90.tpl.site_fixes": {
        "nb": "Rett opp nettstedet: hastighet, mobil og tydelige handlingsknapper",
        "en": "Fix the website: speed, mobile and clear calls to action",
    },
    "plan.p90.tpl.gbp": {"nb": "Optimaliser Google-bedriftsprofilen", "en": "Optimise the Google Business Profile"},
    "plan.p90.tpl.content_plan": {"nb": "Lag grunnstrukturen for innholdsplanen", "en": "Draft the structure of the content plan"},
    "plan.p90.tpl.landing_pages": {"nb": "Publiser 2–3 landingssider", "en": "Publish 2–3 landing pages"},
    "plan.p90.tpl.lead_magnet_email": {
        "nb": "Lanser lead-magnet og e-postserie",
        "en": "Launch the lead magnet and the e-mail series",
    },
    "plan.p90.tpl.reviews": {"nb": "Start fast innhenting av anmeldelser", "en": "Start collecting reviews routinely"},
    "plan.p90.tpl.search_ads": {"nb": "Test søkeannonser på 5–10 søkeord", "en": "Test search ads on 5–10 keywords"},
    "plan.p90.tpl.retargeting": {"nb": "Kjør retargeting", "en": "Run retargeting"},
    "plan.p90.tpl.pr_partners": {"nb": "Send 2–3 PR-saker eller partnerforslag", "en": "Pitch 2–3 PR stories or partners"},
    "plan.p90.tpl.first_case": {"nb": "Publiser det første kundecaset", "en": "Publish the first customer case"},
    "plan.p90.generate_header": {"nb": "Lag planen fra malen", "en": "Create the plan from the template"},
    "plan.p90.generate_help": {
        "nb": "Malen gir 14 milepæler over 90 dager fra startdatoen: uke 1–2 er dag 1–14, uke 3–4 er dag 15–30, "
              "måned 2 er dag 31–60 og måned 3 er dag 61–90. Hver milepæl får fristen på siste dag i sin fase. "
              "Milepæler som allerede finnes, legges ikke til på nytt.",
        "en": "The template gives 14 milestones over 90 days from the start date: weeks 1–2 are days 1–14, weeks "
              "3–4 days 15–30, month 2 days 31–60 and month 3 days 61–90. Each milestone is due on the last day of "
              "its phase. Milestones already in the plan are not added again.",
    },
    "plan.p90.start": {"nb": "Startdato (dag 1)", "en": "Start date (day 1)"},
    "plan.p90.restart": {
        "nb": "Start planen på nytt: fjern malens milepæler som ikke er påbegynt, og lag dem fra den nye datoen",
        "en": "Restart the plan: remove the template's milestones not started yet, and create them from the new date",
    },
    "plan.p90.generate": {"nb": "Lag 90-dagersplanen", "en": "Create the 90-day plan"},
    "plan.p90.generated": {
        "nb": "{n} milepæler er lagt inn, fra {start} til {end}.",
        "en": "{n} milestones were added, from {start} to {end}.",
    },
    "plan.p90.generated_none": {
        "nb": "Alle malens milepæler finnes allerede. Kryss av for å starte planen på nytt hvis du vil flytte den.",
        "en": "All of the template's milestones already exist. Tick the box to restart the plan if you want to move it.",
    },
    "plan.p90.empty": {
        "nb": "Ingen milepæler ennå. Velg en startdato og lag planen fra malen, eller legg til en milepæl under.",
        "en": "No milestones yet. Pick a start date and create the plan from the template, or add a milestone below.",
    },
    "plan.p90.overdue": {"nb": "{n} milepæler har passert fristen:", "en": "{n} milestones are past their due date:"},
    "plan.p90.overdue_one": {"nb": "{n} milepæl har passert fristen:", "en": "{n} milestone is past its due date:"},
    "plan.p90.overdue_item_one": {
        "nb": "{title} – frist {due}, {days} dag over ({owner})",
        "en": "{title} – due {due}, {days} day late ({owner})",
    },
    "plan.p90.overdue_item": {
        "nb": "{title} – frist {due}, {days} dager over ({owner})",
        "en": "{title} – due {due}, {days} days late ({owner})",
    },
    "plan.p90.days_late": {"nb": "{days} dager", "en": "{days} days"},
    "plan.p90.days_late_one": {"nb": "{days} dag", "en": "{days} day"},
    "plan.p90.col.phase": {"nb": "Fase", "en": "Phase"},
    "plan.p90.col.title": {"nb": "Milepæl", "en": "Milestone"},
    "plan.p90.col.owner": {"nb": "Ansvarlig", "en": "Owner"},
    "plan.p90.col.start": {"nb": "Start", "en": "Start"},
    "plan.p90.col.due": {"nb": "Frist", "en": "Due"},
    "plan.p90.col.status": {"nb": "Status", "en": "Status"},
    "plan.p90.col.overdue": {"nb": "Over fristen", "en": "Overdue by"},
    "plan.p90.col.target": {"nb": "Mål", "en": "Target"},
    "plan.p90.col.experiment": {"nb": "Eksperiment", "en": "Experiment"},
    "plan.p90.col.notes": {"nb": "Notater", "en": "Notes"},
    "plan.p90.download": {"nb": "Last ned planen (CSV)", "en": "Download the plan (CSV)"},
    "plan.p90.add_header": {"nb": "Ny milepæl", "en": "New milestone"},
    "plan.p90.add_button": {"nb": "Legg til milepælen", "en": "Add the milestone"},
    "plan.p90.added": {"nb": "«{title}» er lagt til.", "en": "“{title}” was added."},
    "plan.p90.updated": {"nb": "«{title}» er lagret.", "en": "“{title}” was saved."},
    "plan.p90.edit_header": {"nb": "Endre eller slette en milepæl", "en": "Edit or delete a milestone"},
    "plan.p90.pick": {"nb": "Milepæl", "en": "Milestone"},
    "plan.p90.delete": {"nb": "Slett milepælen", "en": "Delete the milestone"},
    "plan.p90.field.title": {"nb": "Milepælen", "en": "The milestone"},
    "plan.p90.field.due_date": {"nb": "Fristen", "en": "The due date"},
    "plan.p90.field.start_date": {"nb": "Startdatoen", "en": "The start date"},
    "plan.p90.field.status": {"nb": "Statusen", "en": "The status"},
    "plan.p90.field.phase": {"nb": "Fasen", "en": "The phase"},
    "plan.p90.field.owner": {"nb": "Ansvarlig", "en": "The owner"},
    "plan.p90.field.notes": {"nb": "Notatene", "en": "The notes"},
    "plan.p90.field.target_id": {"nb": "Målet", "en": "The target"},
    "plan.p90.field.experiment_id": {"nb": "Eksperimentet", "en": "The experiment"},
    "plan.p90.err.required": {"nb": "{field} må fylles ut.", "en": "{field} is required."},
    "plan.p90.err.too_long": {"nb": "{field} er for lang.", "en": "{field} is too long."},
    "plan.p90.err.unknown_choice": {"nb": "{field} har et ugyldig valg.", "en": "{field} has an invalid choice."},
    "plan.p90.err.start_after_due": {
        "nb": "{field} kan ikke være etter fristen.",
        "en": "{field} cannot be after the due date.",
    },
    "plan.p90.err.unknown_link": {
        "nb": "{field} finnes ikke lenger; velg et annet.",
        "en": "{field} no longer exists; choose another.",
    },
    "plan.p90.scope_all": {"nb": "alle kanaler", "en": "all channels"},
    "plan.p90.timeline_header": {"nb": "Tidslinje", "en": "Timeline"},
    "plan.p90.today": {"nb": "I dag", "en": "Today"},

    # ------------------------------------------------------------ strategy notes
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
