"""Planning: the 70/20/10 budget, caps and campaign buckets."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
}
