"""Planning: the ICE backlog."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
}
