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
    # --- where a refusal points -------------------------------------------------------------------
    "import.loc.line": {"nb": "linje {line}", "en": "line {line}"},
    "import.loc.column": {"nb": "kolonne «{column}»", "en": "column “{column}”"},
    # --- what the file reader says (refusals start lower-case: they follow "file, line n:") ------
    "import.msg.empty": {"nb": "filen er tom. Last ned eksporten på nytt.",
                         "en": "the file is empty. Download the export again."},
    "import.msg.too_big": {
        "nb": "filen er {mb} MB; Mandag leser eksporter på opptil {limit} MB. Eksporter en kortere periode og "
              "importer delene.",
        "en": "the file is {mb} MB; Mandag reads exports up to {limit} MB. Export a shorter date range and import "
              "the parts."},
    "import.msg.cut_char": {
        "nb": "filen slutter midt i et tegn, så den ser avkuttet ut. Last ned eksporten på nytt.",
        "en": "the file ends in the middle of a character, so it looks cut off. Download the export again."},
    "import.msg.binary": {
        "nb": "dette er ikke en teksteksport: Mandag leser CSV- og TSV-filer, Excel-arbeidsbøker (.xlsx) og ZIP-filer "
              "slik annonseplattformene, Google Analytics og Search Console laster dem ned.",
        "en": "this is not a text export: Mandag reads CSV or TSV files, Excel workbooks (.xlsx) and ZIP files as "
              "the ad platforms, Google Analytics and Search Console download them."},
    "import.msg.no_header": {"nb": "fant ingen overskriftsrad med de forventede kolonnenavnene.",
                             "en": "no header row with the expected column names was found."},
    "import.msg.no_header_sheet": {
        "nb": "fant ingen overskriftsrad med de forventede kolonnenavnene i arket «{sheet}».",
        "en": "no header row with the expected column names was found in the sheet “{sheet}”."},
    "import.msg.short_row": {
        "nb": "denne raden har {got} av {width} celler, så filen ser avkuttet ut. Last ned eksporten på nytt.",
        "en": "this row has {got} of {width} cells, so the file looks cut off. Download the export again."},
    "import.msg.wide_row": {
        "nb": "denne raden har {got} celler der overskriften har {width}, så filen er skadet eller redigert. "
              "Last ned eksporten på nytt.",
        "en": "this row has {got} cells where the header has {width}, so the file is damaged or was edited. "
              "Download the export again."},
    "import.msg.open_quote": {
        "nb": "en verdi i anførselstegn blir aldri avsluttet, så filen ser avkuttet ut. Last ned eksporten på nytt.",
        "en": "a quoted value is never closed, so the file looks cut off. Download the export again."},
    "import.msg.bad_archive": {"nb": "arkivet er skadet eller avkuttet. Last det ned på nytt.",
                               "en": "the archive is damaged or cut off. Download it again."},
    "import.msg.zip_bomb": {
        "nb": "arkivet pakkes ut til {mb} MB i {files} filer, mer enn en eksport inneholder; Mandag åpner det ikke.",
        "en": "the archive unpacks to {mb} MB in {files} files, more than an export holds; Mandag does not open it."},
    "import.msg.bad_member": {"nb": "«{member}» i arkivet er skadet. Last ned arkivet på nytt.",
                              "en": "“{member}” in the archive is damaged. Download the archive again."},
    "import.msg.big_member": {"nb": "«{member}» pakkes ut til mer enn {limit} MB.",
                              "en": "“{member}” unpacks to more than {limit} MB."},
    "import.msg.bad_xlsx": {"nb": "Excel-arbeidsboken er skadet eller ikke en .xlsx-fil. Last den ned på nytt.",
                            "en": "the Excel workbook is damaged or not an .xlsx file. Download it again."},
    "import.msg.not_number": {"nb": "«{value}» er ikke et tall.", "en": "“{value}” is not a number."},
    "import.msg.formula": {"nb": "«{value}» er en formel, ikke et tall; lagre verdiene, ikke formlene.",
                           "en": "“{value}” is a formula, not a number; save the values, not formulas."},
    "import.msg.percent": {"nb": "«{value}» er en prosent der et tall var ventet.",
                           "en": "“{value}” is a percentage where a number was expected."},
    "import.msg.not_date": {"nb": "«{value}» er ikke en dato Mandag kan lese.",
                            "en": "“{value}” is not a date Mandag can read."},
    "import.msg.no_date": {"nb": "datoen mangler.", "en": "the date is missing."},
    "import.msg.no_rows": {"nb": "det er ingen rader å laste inn i denne filen.",
                           "en": "there are no rows to load in this file."},
    "import.msg.missing_column": {
        "nb": "eksporten har ingen «{column}»-kolonne. Legg den til i rapporten før du laster ned.",
        "en": "the export has no “{column}” column. Add it to the report before downloading."},
    "import.msg.mixed_currency": {"nb": "Filen blander valutaer ({currencies}); hver rad beholder sin egen.",
                                  "en": "The file mixes currencies ({currencies}); each row keeps its own."},
    "import.msg.no_campaign_rows": {"nb": "eksporten har ingen kampanjerader.",
                                    "en": "the export has no campaign rows."},
    "import.msg.no_sheet": {"nb": "ingen ark har overskriftene til en {what}-eksport.",
                            "en": "no sheet has a {what} export header."},
    # importing
    "import.msg.looks_like": {"nb": "Dette ser ut som en {what}-fil, som Mandag ikke importerer; {advice}",
                              "en": "This looks like a {what} file, which Mandag does not import; {advice}"},
    "import.msg.advice.pdf": {"nb": "eksporter dataene som CSV eller Excel i stedet for å skrive ut rapporten.",
                              "en": "export the data as CSV or Excel instead of printing the report."},
    "import.msg.advice.xls": {"nb": "åpne den og lagre den som .xlsx eller CSV, og importer den.",
                              "en": "open it and save it as .xlsx or CSV, then import that."},
    "import.msg.advice.document": {"nb": "Mandag leser dataeksporter, ikke dokumenter.",
                                   "en": "Mandag reads data exports, not documents."},
    "import.msg.advice.slides": {"nb": "Mandag leser dataeksporter, ikke presentasjoner.",
                                 "en": "Mandag reads data exports, not presentations."},
    "import.msg.advice.format": {"nb": "eksporter rapporten som CSV eller Excel (.xlsx) i stedet.",
                                 "en": "export the report as CSV or Excel (.xlsx) instead."},
    "import.msg.advice.editor": {
        "nb": "den beskriver kampanjeinnstillinger, ikke resultater. Last ned kampanjerapporten fra Google Ads i stedet.",
        "en": "it describes campaign settings, not results. Download the Campaign report from Google Ads instead."},
    "import.msg.advice.planner": {"nb": "den inneholder søkevolumer, ikke resultatene dine.",
                                  "en": "it holds search volumes, not your results."},
    "import.msg.advice.ua": {
        "nb": "Universal Analytics sluttet å samle inn data i 2023. Eksporter rapporten fra Google Analytics 4 i stedet.",
        "en": "Universal Analytics stopped collecting data in 2023. Export the report from Google Analytics 4 instead."},
    "import.msg.ambiguous": {
        "nb": "denne filen ser ut som mer enn én slags eksport ({names}), så Mandag gjetter ikke. Last den ned fra "
              "plattformen på nytt uten å redigere den.",
        "en": "this file looks like more than one kind of export ({names}), so Mandag will not guess. Download it "
              "again from the platform without editing it."},
    "import.msg.unknown": {
        "nb": "Mandag kjenner ikke igjen denne filen. Den leser eksporter fra {known}. Hvis det er en av disse, last "
              "den ned på nytt uten å åpne og lagre den i Excel først.",
        "en": "Mandag does not recognise this file. It reads exports from {known}. If it is one of those, download "
              "it again without opening and saving it in Excel first."},
    "import.msg.crash": {
        "nb": "Mandag klarte ikke å lese denne filen ({error}). Last ned eksporten på nytt uten å redigere den.",
        "en": "Mandag could not read this file ({error}). Download the export again without editing it."},
    "import.msg.currency_assumed": {
        "nb": "Filen sier ikke hvilken valuta den bruker; beløpene ble lest som {currency}, arbeidsområdets valuta.",
        "en": "The file does not say its currency; amounts were taken as {currency}, the workspace currency."},
    "import.msg.no_fx": {
        "nb": "Beløpene er i {currency}, men arbeidsområdet rapporterer i {workspace} og har ingen vekslingskurs for "
              "{currency} ennå. Filen er lastet inn; legg inn en kurs så totalene kan regnes om.",
        "en": "Amounts are in {currency}, but the workspace reports in {workspace} and has no {currency} exchange "
              "rate yet. The file is loaded; add a rate so totals can be converted."},
    "import.msg.unreadable": {"nb": "filen kan ikke leses ({error}).", "en": "the file cannot be read ({error})."},
    # Google Ads
    "import.msg.gads.partial": {
        "nb": "dette er en Google Ads-rapport per «{column}»; slike rapporter utelater en del av kostnaden, så Mandag "
              "importerer dem ikke. Last ned kampanjerapporten i stedet (Kampanjer → Last ned).",
        "en": "this is a Google Ads report by “{column}”; such reports leave out part of the spend, so Mandag does "
              "not import them. Download the Campaign report instead (Campaigns → Download)."},
    "import.msg.gads.blank_names": {"nb": "{n} rader uten kampanjenavn ble utelatt.",
                                    "en": "{n} rows without a campaign name were left out."},
    "import.msg.gads.no_totals": {
        "nb": "Filen har ingen «Total:»-rader på slutten; sjekk at den ikke er avkuttet.",
        "en": "The file has no “Total:” rows at the end; check that it was not cut off."},
    "import.msg.gads.only_totals": {
        "nb": "rapporten har ingen kampanjerader (bare totaler). Velg en periode med aktivitet.",
        "en": "the report has no campaign rows (only totals). Choose a date range with activity."},
    "import.msg.gads.action_sum": {"nb": "Konverteringer er summen av kolonnene per handling: {actions}.",
                                   "en": "Conversions are the sum of the per-action columns: {actions}."},
    "import.msg.gads.no_type": {
        "nb": "Rapporten har ingen «Kampanjetype»-kolonne, så alle kampanjer telles som betalt søk. Legg til kolonnen "
              "i Google Ads for å skille Søk, Display, Video og Performance Max.",
        "en": "The report has no “Campaign type” column, so every campaign is counted as Paid Search. Add the "
              "column in Google Ads to split Search, Display, Video and Performance Max."},
    "import.msg.gads.all_time": {
        "nb": "rapporten gjelder «Hele perioden», som ikke har datoer, så Mandag kan ikke plassere tallene i uker. "
              "Last den ned på nytt med en datoperiode, eller legg til segmentet Dag.",
        "en": "the report covers “All time”, which has no dates, so Mandag cannot place its numbers in weeks. "
              "Download it again with a date range, or add the Day segment."},
    "import.msg.gads.no_dates": {
        "nb": "rapporten har ingen datoperiode over overskriften og ingen Dag-kolonne. Last den ned fra Google Ads på "
              "nytt uten å redigere den.",
        "en": "the report has no date range above the header and no Day column. Download it again from Google Ads "
              "without editing it."},
    "import.msg.block": {
        "nb": "Eksporten har ingen daglige rader: hver kampanje er én blokk over {start}–{end}. {advice}",
        "en": "The export has no daily rows: each campaign is one block over {start}–{end}. {advice}"},
    "import.msg.advice.gads_day": {"nb": "Legg til Segment → Tid → Dag for ukentlige grafer.",
                                   "en": "Add Segment → Time → Day for weekly charts."},
    "import.msg.advice.linkedin_day": {"nb": "Velg Tidsfordeling → Daglig for ukentlige grafer.",
                                       "en": "Choose Time breakdown → Daily for weekly charts."},
    "import.msg.advice.ms_day": {"nb": "Velg tidsenheten Daglig for ukentlige grafer.",
                                 "en": "Choose the Daily time unit for weekly charts."},
    "import.msg.advice.tiktok_day": {"nb": "Periodene er hentet fra filnavnet.",
                                     "en": "The dates were taken from the file name."},
    "import.msg.advice.ga4_day": {"nb": "Legg Dato til i rapporten for ukentlige grafer.",
                                  "en": "Add Date to the report for weekly charts."},
    # Meta
    "import.msg.meta.no_data": {
        "nb": "Meta skrev «No data available.» i denne eksporten, så det er ingenting å laste inn. Velg en periode der "
              "annonsene gikk i Annonseadministrator (og fjern filtre), og eksporter på nytt.",
        "en": "Meta wrote “No data available.” in this export, so there is nothing to load. In Ads Manager, pick a "
              "date range in which the ads ran (and clear filters), then export again."},
    "import.msg.meta.formatted": {
        "nb": "arbeidsboken har bare arket «Formatted Report», der radene er gruppert med delsummer, så Mandag kan "
              "ikke summere dem. Eksporter på nytt som CSV, eller med arket «Raw Data Report».",
        "en": "the workbook holds only the “Formatted Report” sheet, whose rows are grouped with subtotals, so Mandag "
              "cannot add them up. Export again as CSV, or with the “Raw Data Report” sheet."},
    "import.msg.meta.no_campaign": {
        "nb": "eksporten har ingen «Kampanjenavn»-kolonne. Eksporter på kampanjenivå, eller legg til kolonnen, og last "
              "ned på nytt.",
        "en": "the export has no “Campaign name” column. Export at campaign level, or add the column, then download "
              "again."},
    "import.msg.meta.no_spend": {
        "nb": "eksporten har ingen «Beløp brukt»-kolonne. Legg den til blant kolonnene i Annonseadministrator og "
              "eksporter på nytt.",
        "en": "the export has no “Amount spent” column. Add it to the columns in Ads Manager and export again."},
    "import.msg.meta.summary": {
        "nb": "{n} summeringsrad(er) uten navn ble utelatt (totaler lastes aldri inn).",
        "en": "{n} summary row(s) without a name were left out (totals are never loaded)."},
    "import.msg.meta.clicks_all": {
        "nb": "Eksporten har ingen «Klikk på lenke»-kolonne; «Klikk (alle)» ble brukt som klikk.",
        "en": "The export has no “Link clicks” column; “Clicks (all)” was used as clicks."},
    "import.msg.meta.no_campaign_names": {
        "nb": "Eksporten har ingen kampanjenavn; navn på annonsesett eller annonser brukes som kampanjer.",
        "en": "The export has no campaign names; ad set or ad names are used as campaigns."},
    "import.msg.meta.no_results": {
        "nb": "Eksporten har verken «Kundeemner» eller «Resultater», så ingen konverteringer ble lastet inn.",
        "en": "The export has neither “Leads” nor “Results”, so no conversions were loaded."},
    "import.msg.meta.no_indicator": {
        "nb": "«Resultater» har ingen «Resultatindikator» ved siden av seg, så Mandag kan ikke se om de er kundeemner; "
              "ingen konverteringer ble lastet inn. Legg til kolonnen «Kundeemner» i Annonseadministrator.",
        "en": "“Results” has no “Result indicator” beside it, so Mandag cannot tell whether they are leads; no "
              "conversions were loaded. Add the “Leads” column in Ads Manager."},
    "import.msg.meta.not_leads": {
        "nb": "Resultater som ikke er kundeemner ble ikke telt som konverteringer: {kinds}.",
        "en": "Results that are not leads were not counted as conversions: {kinds}."},
    "import.msg.meta.no_dates": {
        "nb": "eksporten har verken en «Dag»-kolonne eller «Rapportering starter»/«Rapportering slutter», så den har "
              "ingen datoer. Eksporter på nytt med disse kolonnene.",
        "en": "the export has neither a “Day” column nor “Reporting starts”/“Reporting ends”, so it has no dates. "
              "Export again with those columns."},
    "import.msg.meta.ends_before": {"nb": "«Rapportering slutter» er før «Rapportering starter».",
                                    "en": "“Reporting ends” is before “Reporting starts”."},
    # LinkedIn
    "import.msg.li.empty": {
        "nb": "LinkedIn-eksporten har bare overskriften og ingen rader: kampanjene hadde ingen visninger i de valgte "
              "datoene. Velg en annen periode og eksporter på nytt.",
        "en": "the LinkedIn export holds only its heading and no rows: the campaigns had no delivery in the chosen "
              "dates. Choose another date range and export again."},
    "import.msg.li.no_header": {"nb": "fant ingen LinkedIn-overskriftsrad.", "en": "no LinkedIn header row was found."},
    "import.msg.li.by_conversion": {
        "nb": "denne eksporten er delt opp per konvertering, så hver kampanjes kostnad gjentas på hver "
              "konverteringsrad. Eksporter kampanjeresultatene uten konverteringsoppdelingen.",
        "en": "this export is split by conversion, so each campaign's spend repeats on every conversion row. Export "
              "the campaign performance report without the conversion breakdown."},
    "import.msg.li.conversions": {
        "nb": "Eksporten har ingen kundeemner fra LinkedIn-skjemaer, så nettstedets «Konverteringer» ble telt i stedet.",
        "en": "The export has no leads from LinkedIn forms, so website “Conversions” were counted instead."},
    # Microsoft Advertising
    "import.msg.ms.no_rows": {"nb": "rapporten har ingen kampanjerader. Velg en periode med aktivitet.",
                              "en": "the report has no campaign rows. Choose a date range with activity."},
    "import.msg.ms.no_dates": {
        "nb": "rapporten har verken en datokolonne eller en «Report Time»-linje, så den har ingen datoer. Last den ned "
              "på nytt med rapporthodet.",
        "en": "the report has neither a date column nor a “Report Time” line, so it has no dates. Download it again "
              "with the report header included."},
    # TikTok
    "import.msg.tt.no_dates": {
        "nb": "eksporten har ingen «By Day»-kolonne, så tallene har ingen datoer. Legg til fordelingen per dag i TikTok "
              "Ads Manager og eksporter på nytt.",
        "en": "the export has no “By Day” column, so its numbers have no dates. In TikTok Ads Manager add the Day "
              "breakdown, then export again."},
    "import.msg.tt.no_result_type": {"nb": "«Resultater» har ingen «Resultattype», så ingen konverteringer ble lastet inn.",
                                     "en": "“Results” has no “Result type”, so no conversions were loaded."},
    # GA4
    "import.msg.ga4.no_table": {"nb": "fant ingen GA4-tabell med kjente kolonnenavn.",
                                "en": "no GA4 table with known column names was found."},
    "import.msg.ga4.wrong_report": {
        "nb": "denne GA4-rapporten er per «{dimension}», og radene summeres ikke til økter per kanal. Last ned "
              "Trafikkanskaffelse i stedet: Rapporter → Anskaffelse → Trafikkanskaffelse (legg til Dato med + hvis du "
              "vil ha dager), så Del denne rapporten → Last ned fil → CSV.",
        "en": "this GA4 report is by “{dimension}”, and its rows do not add up to sessions by channel. Download the "
              "Traffic acquisition report instead: Reports → Acquisition → Traffic acquisition (add Date with the + "
              "button if you want days), then Share this report → Download file → Download CSV."},
    "import.msg.ga4.tables": {"nb": "Filen har {n} tabeller; Mandag lastet inn den per «{column}».",
                              "en": "The file holds {n} tables; Mandag loaded the one by “{column}”."},
    "import.msg.ga4.first_user": {
        "nb": "Kanalene er brukerens første kanal (brukeranskaffelse), ikke øktens kanal.",
        "en": "Channels are the user's first channel (user acquisition), not the session's channel."},
    "import.msg.ga4.no_dates": {
        "nb": "filen har verken «# Startdato»/«# Sluttdato»-linjer eller en Dato-kolonne, så tallene har ingen datoer. "
              "Last den ned fra GA4 på nytt uten å redigere den.",
        "en": "the file has no “# Start date” / “# End date” lines and no Date column, so its numbers have no "
              "dates. Download it again from GA4 without editing it."},
    "import.msg.ga4.no_range": {"nb": "utforskningen har ingen datolinje (# ÅÅÅÅMMDD-ÅÅÅÅMMDD).",
                                "en": "the exploration has no date range line (# YYYYMMDD-YYYYMMDD)."},
    "import.msg.ga4.grand_total": {
        "nb": "Denne utforskningen er per «{dimension}», og radene summeres ikke; Mandag lastet inn totalsummen som én "
              "blokk for hele nettstedet ({start}–{end}).",
        "en": "This exploration is by “{dimension}”, whose rows do not add up; Mandag loaded its grand total as one "
              "block for the whole site ({start}–{end})."},
    # Search Console
    "import.msg.gsc.property_from_pages": {
        "nb": "Filen sier ikke hvilken Search Console-egenskap den gjelder; Mandag tok {site} fra sidene.",
        "en": "The file does not name its Search Console property; Mandag took {site} from its pages."},
    "import.msg.gsc.no_property": {
        "nb": "Filen sier ikke hvilken Search Console-egenskap den gjelder, så den lagres uten. Importer ZIP-filen med "
              "det opprinnelige navnet for å holde egenskapene fra hverandre.",
        "en": "The file does not name its Search Console property, so it is stored without one. Import the ZIP "
              "under its original name to keep properties apart."},
    "import.msg.gsc.no_metric": {"nb": "tabellen har ingen «{column}»-kolonne.",
                                 "en": "the table has no “{column}” column."},
    "import.msg.gsc.hourly": {"nb": "Eksporten er 24-timersvisningen; timene ble summert til dager ({header}).",
                              "en": "The export is the 24-hour view; its hours were added up into days ({header})."},
    "import.msg.gsc.no_table": {"nb": "fant ingen Search Console-tabell i filen.",
                                "en": "no Search Console table was found in the file."},
    "import.msg.gsc.search_type": {"nb": "Eksporten gjelder søketypen «{kind}», ikke nett.",
                                   "en": "The export is for search type “{kind}”, not Web."},
    "import.msg.gsc.filtered": {"nb": "Eksporten er filtrert ({filters}); tallene dekker bare den delen.",
                                "en": "The export is filtered ({filters}); its numbers cover only that part."},
    "import.msg.gsc.no_dates": {
        "nb": "en Search Console-tabell med søk, sider, land eller enheter har ingen egne datoer. Importer hele ZIP-filen "
              "fra Search Console (eller Excel-filen), som har datoene, i stedet for enkeltfilen.",
        "en": "a Search Console table of queries, pages, countries or devices has no dates of its own. Import the "
              "whole Search Console ZIP (or the Excel file), which carries the dates, instead of the single file."},
    "import.msg.gsc.capped": {
        "nb": "Search Console eksporterer høyst 1 000 søk; sjeldnere søk er ikke med i filen.",
        "en": "Search Console exports at most 1,000 queries; less frequent queries are not in the file."},
    "import.msg.gsc.nothing": {
        "nb": "filen har verken daglig graf eller søk, sider, land eller enheter å laste inn.",
        "en": "the file holds no daily chart and no queries, pages, countries or devices to load."},
    # CRM
    "import.msg.crm.unknown": {"nb": "avtalefilen er verken en HubSpot- eller Pipedrive-eksport eller Mandags mal.",
                               "en": "the deals file is neither a HubSpot nor a Pipedrive export nor Mandag's template."},
    "import.msg.crm.no_column": {"nb": "avtalefilen har ingen «{column}»-kolonne.",
                                 "en": "the deals file has no “{column}” column."},
    "import.msg.crm.no_id": {"nb": "avtalen har ingen ID.", "en": "the deal has no ID."},
    "import.msg.crm.duplicate": {"nb": "avtale-ID-en «{id}» finnes to ganger.",
                                 "en": "the deal ID “{id}” appears twice."},
    "import.msg.crm.no_won": {
        "nb": "Filen har ingen vunnet- eller lukkedato, så ingen avtale telles som ny kunde.",
        "en": "The file has no won or close date, so no deal counts as a new customer."},
    "import.msg.crm.no_source": {
        "nb": "Filen har ingen kilde- eller kanalkolonne, så avtalene kan ikke knyttes til markedsføringskanaler.",
        "en": "The file has no source or channel column, so deals cannot be tied to marketing channels."},
}
