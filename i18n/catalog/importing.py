"""Import page: uploading exports, previews, loading, history and undo."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "import.title": {"nb": "Importer data", "en": "Import data"},
    "import.intro": {
        "nb": "Slipp inn eksportene fra annonsekontoene, Google Analytics, Search Console eller CRM. Mandag "
              "kjenner igjen hver fil og viser hva den fant før noe lastes inn. Samme fil to ganger, eller "
              "overlappende datoer, telles aldri dobbelt.",
        "en": "Drop in the exports from your ad accounts, Google Analytics, Search Console or CRM. Mandag "
              "recognises each file and shows what it found before anything is loaded. The same file twice, or "
              "overlapping dates, are never counted twice.",
    },
    "import.upload": {"nb": "Eksportfiler (CSV, TSV, XLSX eller ZIP)", "en": "Export files (CSV, TSV, XLSX or ZIP)"},
    "import.demo_note": {
        "nb": "Du er i demo-arbeidsområdet. Lag ditt eget arbeidsområde under Arbeidsområder før du laster inn "
              "ekte tall, så blandes de ikke med demodataene.",
        "en": "You are in the demo workspace. Create your own workspace under Workspaces before loading real "
              "numbers, so they do not mix with the demo data.",
    },
    "import.empty": {
        "nb": "Ingen filer valgt ennå. Slik henter du eksporten fra hver plattform:",
        "en": "No files chosen yet. This is where to get the export on each platform:",
    },
    "import.where.google_ads": {
        "nb": "**Google Ads** – Kampanjer → velg datoperiode → legg til Segment → Tid → Dag → nedlastingsikonet "
              "(«Last ned») → CSV. Engelsk: Campaigns → Segment → Time → Day → Download → .csv.",
        "en": "**Google Ads** – Campaigns → pick the date range → Segment → Time → Day → the download icon "
              "(Download) → .csv. Norwegian UI: Kampanjer → Segment → Tid → Dag → Last ned.",
    },
    "import.where.meta": {
        "nb": "**Meta (Facebook/Instagram)** – Annonseadministrator → Kampanjer → Oversikt → Fordeling → Tid → Dag "
              "→ Eksporter tabelldata → .csv. Engelsk: Ads Manager → Campaigns → Breakdown → By time → Day → "
              "Export table data.",
        "en": "**Meta (Facebook/Instagram)** – Ads Manager → Campaigns → Breakdown → By time → Day → Export table "
              "data → .csv. Norwegian UI: Annonseadministrator → Fordeling → Tid → Dag → Eksporter tabelldata.",
    },
    "import.where.linkedin": {
        "nb": "**LinkedIn** – Campaign Manager → Kampanjer → Tidsfordeling: Daglig → Eksporter → Campaign "
              "performance. Engelsk: Campaigns → Time breakdown: Daily → Export.",
        "en": "**LinkedIn** – Campaign Manager → Campaigns → Time breakdown: Daily → Export → Campaign performance. "
              "Norwegian UI: Kampanjer → Tidsfordeling: Daglig → Eksporter.",
    },
    "import.where.microsoft_ads": {
        "nb": "**Microsoft Advertising** – Rapporter → Kampanje → Tidsenhet: Daglig → Last ned → CSV. Engelsk: "
              "Reports → Campaign → Time unit: Daily → Download.",
        "en": "**Microsoft Advertising** – Reports → Campaign → Time unit: Daily → Download → CSV.",
    },
    "import.where.tiktok": {
        "nb": "**TikTok** – Ads Manager → Kampanje → Egendefinerte kolonner med «By Day» → Eksporter. Engelsk: "
              "Campaign → Export (with the By Day breakdown).",
        "en": "**TikTok** – Ads Manager → Campaign → add the By Day breakdown → Export (CSV or XLSX).",
    },
    "import.where.ga4": {
        "nb": "**Google Analytics 4** – Rapporter → Anskaffelse → Trafikkanskaffelse → legg til Dato med + → "
              "Del denne rapporten → Last ned fil → CSV. Engelsk: Reports → Acquisition → Traffic acquisition → "
              "Share this report → Download file.",
        "en": "**Google Analytics 4** – Reports → Acquisition → Traffic acquisition → add Date with + → Share this "
              "report → Download file → CSV. Norwegian UI: Rapporter → Anskaffelse → Trafikkanskaffelse → "
              "Last ned fil.",
    },
    "import.where.search_console": {
        "nb": "**Search Console** – Resultater → Søkeresultater → velg datoperiode → Eksporter → Last ned CSV "
              "(én ZIP-fil; last den opp som den er). Engelsk: Performance → Search results → Export → Download CSV.",
        "en": "**Search Console** – Performance → Search results → pick the dates → Export → Download CSV (one ZIP "
              "file; upload it as it is).",
    },
    "import.where.crm": {
        "nb": "**CRM** – HubSpot: Salg → Avtaler → Eksporter. Pipedrive: Avtaler → … → Eksporter filtrerte "
              "resultater. Eller Mandags mal: deal_id, created_date, won_date, stage, source, channel, campaign, "
              "value, currency.",
        "en": "**CRM** – HubSpot: Sales → Deals → Export. Pipedrive: Deals → … → Export filtered results. Or "
              "Mandag's template: deal_id, created_date, won_date, stage, source, channel, campaign, value, "
              "currency.",
    },
    "import.card.ready": {"nb": "Klar: {source}", "en": "Ready: {source}"},
    "import.card.refused": {"nb": "Kan ikke lastes inn", "en": "Cannot be loaded"},
    "import.card.account": {"nb": "Konto", "en": "Account"},
    "import.card.period": {"nb": "Periode", "en": "Dates"},
    "import.card.rows": {"nb": "Rader", "en": "Rows"},
    "import.card.currency": {"nb": "Valuta", "en": "Currency"},
    "import.card.what": {"nb": "Hva", "en": "What"},
    "import.card.value": {"nb": "Verdi", "en": "Value"},
    "import.load_n": {"nb": "Last inn {n} filer", "en": "Load {n} files"},
    "import.load_one": {"nb": "Last inn filen", "en": "Load the file"},
    "import.loading": {"nb": "Laster inn {file} ({i} av {n}) …", "en": "Loading {file} ({i} of {n}) …"},
    "import.summary": {
        "nb": "{loaded} lastet inn, {unchanged} uendret, {refused} avvist.",
        "en": "{loaded} loaded, {unchanged} unchanged, {refused} refused.",
    },
    "import.unchanged_note": {
        "nb": "«Uendret» betyr at akkurat denne filen er lastet inn før; ingenting ble telt dobbelt.",
        "en": "“Unchanged” means this very file was loaded before; nothing was counted twice.",
    },
    "import.history": {"nb": "Importhistorikk", "en": "Import history"},
    "import.history_empty": {"nb": "Ingen importer ennå.", "en": "No imports yet."},
    "import.col.id": {"nb": "Nr.", "en": "No."},
    "import.col.file": {"nb": "Fil", "en": "File"},
    "import.col.source": {"nb": "Kilde", "en": "Source"},
    "import.col.dates": {"nb": "Datoer", "en": "Dates"},
    "import.col.rows": {"nb": "Rader", "en": "Rows"},
    "import.col.when": {"nb": "Importert (UTC)", "en": "Imported (UTC)"},
    "import.col.status": {"nb": "Status", "en": "Status"},
    "import.status.loaded": {"nb": "lastet inn", "en": "loaded"},
    "import.status.unchanged": {"nb": "uendret", "en": "unchanged"},
    "import.status.refused": {"nb": "avvist", "en": "refused"},
    "import.status.replaced": {"nb": "erstattet av nyere import", "en": "replaced by a newer import"},
    "import.status.undone": {"nb": "angret", "en": "undone"},
    "import.undo_pick": {"nb": "Angre en import", "en": "Undo an import"},
    "import.undo_button": {"nb": "Angre", "en": "Undo"},
    "import.undo_confirm": {
        "nb": "Fjerne alle rader som import nr. {id} lastet inn? Den blir stående i historikken som angret.",
        "en": "Remove every row import no. {id} brought in? It stays in the history as undone.",
    },
    "import.undo_yes": {"nb": "Ja, angre", "en": "Yes, undo"},
    "import.undo_cancel": {"nb": "Avbryt", "en": "Cancel"},
    "import.undone": {"nb": "Import nr. {id} er angret: {rows} rader fjernet.",
                      "en": "Import no. {id} was undone: {rows} rows removed."},
    "import.measure.spend": {"nb": "Kostnad", "en": "Spend"},
    "import.measure.impressions": {"nb": "Visninger", "en": "Impressions"},
    "import.measure.clicks": {"nb": "Klikk", "en": "Clicks"},
    "import.measure.conversions": {"nb": "Konverteringer", "en": "Conversions"},
    "import.measure.conversion_value": {"nb": "Konverteringsverdi", "en": "Conversion value"},
    "import.measure.sessions": {"nb": "Økter", "en": "Sessions"},
    "import.measure.engaged_sessions": {"nb": "Engasjerte økter", "en": "Engaged sessions"},
    "import.measure.users": {"nb": "Brukere", "en": "Users"},
    "import.measure.key_events": {"nb": "Nøkkelhendelser", "en": "Key events"},
    "import.measure.revenue": {"nb": "Inntekt", "en": "Revenue"},
    "import.measure.purchases": {"nb": "Kjøp", "en": "Purchases"},
    "import.measure.value": {"nb": "Avtaleverdi", "en": "Deal value"},
    "import.measure.amount": {"nb": "Beløp", "en": "Amount"},
    "import.source.google_ads": {"nb": "Google Ads", "en": "Google Ads"},
    "import.source.meta": {"nb": "Meta-annonser", "en": "Meta Ads"},
    "import.source.linkedin": {"nb": "LinkedIn-annonser", "en": "LinkedIn Ads"},
    "import.source.microsoft_ads": {"nb": "Microsoft Advertising", "en": "Microsoft Advertising"},
    "import.source.tiktok": {"nb": "TikTok-annonser", "en": "TikTok Ads"},
    "import.source.ga4": {"nb": "Google Analytics 4", "en": "Google Analytics 4"},
    "import.source.search_console": {"nb": "Search Console", "en": "Search Console"},
    "import.source.crm": {"nb": "CRM-avtaler", "en": "CRM deals"},
    "import.source.costs": {"nb": "Andre kostnader", "en": "Other costs"},
    "import.source.demo": {"nb": "Demo", "en": "Demo"},
    "import.details_en": {
        "nb": "Forklaringen fra filleseren er på engelsk:",
        "en": "What the file reader found:",
    },
}
