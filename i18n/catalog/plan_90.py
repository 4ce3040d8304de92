"""Planning: the 90-day plan."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
}
