"""Text for the Google connectors, the Google settings section and the Search page."""

STRINGS = {
    # ---- credentials ------------------------------------------------------------------------
    "google.err.not_json": {
        "nb": "Filen er ikke JSON. Last opp nøkkelfilen (.json) du lastet ned fra Google Cloud.",
        "en": "The file is not JSON. Upload the key file (.json) you downloaded from Google Cloud.",
    },
    "google.err.is_oauth_client": {
        "nb": "Dette er en OAuth-klient, ikke en tjenestekontonøkkel. Last den opp under «Logg inn med Google» i stedet.",
        "en": "This is an OAuth client, not a service-account key. Upload it under “Sign in with Google” instead.",
    },
    "google.err.not_service_account": {
        "nb": "Filen er ikke en tjenestekontonøkkel (\"type\": \"service_account\" mangler). Lag en nøkkel under IAM → Tjenestekontoer → Nøkler i Google Cloud.",
        "en": "The file is not a service-account key (\"type\": \"service_account\" is missing). Create a key under IAM → Service accounts → Keys in Google Cloud.",
    },
    "google.err.incomplete_key": {
        "nb": "Nøkkelfilen mangler e-postadressen eller den private nøkkelen. Last ned en ny nøkkel fra Google Cloud.",
        "en": "The key file lacks the e-mail address or the private key. Download a new key from Google Cloud.",
    },
    "google.err.not_oauth_client": {
        "nb": "Filen er ikke en OAuth-klient av typen «Skrivebordsapp». Lag en under API-er og tjenester → Påloggingsinformasjon.",
        "en": "The file is not an OAuth client of type “Desktop app”. Create one under APIs & Services → Credentials.",
    },
    "google.err.is_service_account": {
        "nb": "Dette er en tjenestekontonøkkel. Last den opp under «Tjenestekonto» i stedet.",
        "en": "This is a service-account key. Upload it under “Service account” instead.",
    },
    "google.err.no_oauth_client": {
        "nb": "Last opp OAuth-klienten (JSON) før du logger inn.",
        "en": "Upload the OAuth client (JSON) before signing in.",
    },
    "google.err.key_unreadable": {
        "nb": "Tjenestekontonøkkelen kan ikke leses. Last den opp på nytt under Innstillinger → Google.",
        "en": "The service-account key cannot be read. Upload it again in Settings → Google.",
    },
    "google.err.token_unreadable": {
        "nb": "Google-innloggingen kan ikke leses. Logg inn på nytt under Innstillinger → Google.",
        "en": "The Google sign-in cannot be read. Sign in again in Settings → Google.",
    },
    "google.err.not_connected": {
        "nb": "Google er ikke koblet til: last opp en tjenestekontonøkkel under Innstillinger → Google, eller logg inn med Google.",
        "en": "Google is not connected: add a service-account key in Settings → Google, or sign in with Google.",
    },
    "google.err.unauthenticated": {
        "nb": "Google avviste påloggingen. Last opp nøkkelen på nytt eller logg inn igjen under Innstillinger → Google.",
        "en": "Google rejected the credentials. Upload the key again or sign in again in Settings → Google.",
    },
    # ---- GA4 --------------------------------------------------------------------------------
    "google.err.property_missing": {
        "nb": "Skriv inn GA4-egenskaps-ID-en (bare sifre, f.eks. 123456789).",
        "en": "Enter the GA4 property id (digits only, e.g. 123456789).",
    },
    "google.err.measurement_id": {
        "nb": "«{value}» er en måle-ID. Bruk den numeriske egenskaps-ID-en, ikke G-XXXX-måle-ID-en – du finner den under Administrator → Egenskapsinnstillinger.",
        "en": "“{value}” is a measurement id. Use the numeric property id, not the G-XXXX measurement id — find it in Admin → Property settings.",
    },
    "google.err.property_not_numeric": {
        "nb": "«{value}» er ikke en egenskaps-ID. Den består bare av sifre og står under Administrator → Egenskapsinnstillinger i GA4.",
        "en": "“{value}” is not a property id. It is digits only and shown in Admin → Property settings in GA4.",
    },
    "google.err.ga4_quota": {
        "nb": "GA4-kvoten for denne timen eller dagen er brukt opp. Synkroniseringen fortsetter neste gang (eller prøv igjen om en time).",
        "en": "The GA4 quota for this hour or day is used up. The sync carries on next time (or try again in an hour).",
    },
    "google.err.ga4_unavailable": {
        "nb": "GA4 svarte ikke etter {attempts} forsøk. Prøv igjen senere.",
        "en": "GA4 did not answer after {attempts} attempts. Try again later.",
    },
    "google.err.ga4_forbidden": {
        "nb": "Ingen tilgang til denne GA4-egenskapen. Legg til tjenestekontoens e-post som Leser under Administrator → Tilgangsadministrasjon for egenskapen.",
        "en": "No access to this GA4 property. Add the service account's e-mail as a Viewer in Admin → Property access management.",
    },
    "google.err.ga4_not_found": {
        "nb": "GA4 finner ikke denne egenskapen. Sjekk egenskaps-ID-en under Administrator → Egenskapsinnstillinger.",
        "en": "GA4 cannot find this property. Check the property id in Admin → Property settings.",
    },
    "google.err.ga4_request": {
        "nb": "GA4 avviste forespørselen: {message}",
        "en": "GA4 refused the request: {message}",
    },
    "google.err.unknown_key_event": {
        "nb": "GA4-egenskap {property} har ikke nøkkelhendelsen «{event}». Merk hendelsen som nøkkelhendelse i GA4 (Administrator → Hendelser), eller fjern den fra lead-hendelsene.",
        "en": "GA4 property {property} has no key event “{event}”. Mark the event as a key event in GA4 (Admin → Events), or remove it from the lead events.",
    },
    "google.err.unknown_metric": {
        "nb": "GA4-egenskap {property} har ikke beregningen «{metric}».",
        "en": "GA4 property {property} has no metric “{metric}”.",
    },
    # ---- Search Console ---------------------------------------------------------------------
    "google.err.site_missing": {
        "nb": "Velg en Search Console-egenskap.",
        "en": "Choose a Search Console property.",
    },
    "google.err.site_invalid": {
        "nb": "«{value}» er ikke en Search Console-egenskap. Bruk sc-domain:eksempel.no eller https://www.eksempel.no/ nøyaktig slik listen viser dem.",
        "en": "“{value}” is not a Search Console property. Use sc-domain:example.com or https://www.example.com/ exactly as the list shows them.",
    },
    "google.err.gsc_forbidden": {
        "nb": "Ingen tilgang til denne Search Console-egenskapen. Legg til tjenestekontoens e-post som bruker under Innstillinger → Brukere og tillatelser i Search Console.",
        "en": "No access to this Search Console property. Add the service account's e-mail as a user in Settings → Users and permissions in Search Console.",
    },
    "google.err.gsc_not_found": {
        "nb": "Search Console finner ikke egenskapen. Velg den på nytt fra listen.",
        "en": "Search Console cannot find the property. Choose it again from the list.",
    },
    "google.err.gsc_request": {
        "nb": "Search Console avviste forespørselen ({status}): {message}",
        "en": "Search Console refused the request ({status}): {message}",
    },
    "google.err.gsc_unavailable": {
        "nb": "Search Console svarte ikke etter {attempts} forsøk. Prøv igjen senere.",
        "en": "Search Console did not answer after {attempts} attempts. Try again later.",
    },
    # ---- data-trust warnings stored with GA4 loads ------------------------------------------
    "google.warn.thresholding": {
        "nb": "GA4 har holdt tilbake rader med få brukere (terskling): små kanaler og kampanjer kan mangle.",
        "en": "GA4 withheld rows with few users (thresholding): small channels and campaigns may be missing.",
    },
    "google.warn.sampling": {
        "nb": "GA4-tallene er basert på et utvalg (sampling) og kan avvike noe fra de virkelige.",
        "en": "The GA4 numbers are based on a sample and may differ somewhat from the real ones.",
    },
    "google.warn.other_row": {
        "nb": "GA4 har slått sammen sjeldne kombinasjoner til en «(other)»-rad: enkelte kampanjer vises ikke hver for seg.",
        "en": "GA4 rolled rare combinations into an “(other)” row: some campaigns are not shown separately.",
    },
    # ---- sync -------------------------------------------------------------------------------
    "google.sync.ga4_no_property": {
        "nb": "GA4 er ikke koblet til: legg inn egenskaps-ID og en tjenestekontonøkkel (eller logg inn med Google) under Innstillinger → Google.",
        "en": "GA4 is not connected: add the property id and a service-account key (or sign in with Google) in Settings → Google.",
    },
    "google.sync.gsc_no_site": {
        "nb": "Search Console er ikke koblet til: velg en egenskap og legg inn en tjenestekontonøkkel (eller logg inn med Google) under Innstillinger → Google.",
        "en": "Search Console is not connected: choose a property and add a service-account key (or sign in with Google) in Settings → Google.",
    },
    "google.sync.ga4_not_connected": {
        "nb": "GA4 er ikke koblet til: last opp en tjenestekontonøkkel under Innstillinger → Google, eller logg inn med Google.",
        "en": "GA4 is not connected: add a service-account key in Settings → Google, or sign in with Google.",
    },
    "google.sync.gsc_not_connected": {
        "nb": "Search Console er ikke koblet til: last opp en tjenestekontonøkkel under Innstillinger → Google, eller logg inn med Google.",
        "en": "Search Console is not connected: add a service-account key in Settings → Google, or sign in with Google.",
    },
    "google.sync.ok": {"nb": "OK", "en": "OK"},
    "google.sync.failed": {
        "nb": "synkroniseringen stoppet ({error}). Sjekk nettforbindelsen og prøv igjen; det som alt er hentet, er beholdt.",
        "en": "the sync stopped ({error}). Check the network connection and try again; what was fetched is kept.",
    },
    "google.sync.done": {
        "nb": "hentet {rows} rader for {start}–{end}.",
        "en": "fetched {rows} rows for {start} to {end}.",
    },
    "google.sync.ga4_paused": {
        "nb": "hentet {rows} rader for {start}–{end} og stoppet for å spare GA4-kvoten; resten hentes ved neste synkronisering.",
        "en": "fetched {rows} rows for {start} to {end} and paused to spare the GA4 quota; the rest follows at the next sync.",
    },
    "google.sync.overlap": {
        "nb": "samme dager finnes også fra {accounts}. Er det samme egenskap, blir tallene telt to ganger: angre de importene på Importer-siden.",
        "en": "the same days also exist from {accounts}. If that is the same property, the numbers count twice: undo those imports on the Import page.",
    },
    "google.sync.gsc_nothing_complete": {
        "nb": "ingen nye ferdige dager ennå (Search Console ligger vanligvis 2–3 dager etter).",
        "en": "no new complete days yet (Search Console is usually 2–3 days behind).",
    },
    # ---- settings section -------------------------------------------------------------------
    "google.title": {"nb": "Google (GA4 og Search Console)", "en": "Google (GA4 and Search Console)"},
    "google.intro": {
        "nb": "Mandag henter GA4 og Search Console selv – automatisk (for eksempel hver mandag kl. 06) eller når du trykker «Synkroniser nå». Nøkler lagres utenfor prosjektmappen, bare lesbare for deg.",
        "en": "Mandag pulls GA4 and Search Console itself — on a schedule (for example every Monday at 06:00) or when you press “Sync now”. Keys are stored outside the project folder, readable by you only.",
    },
    "google.creds.header": {"nb": "Tilgang", "en": "Access"},
    "google.creds.sa_upload": {"nb": "Tjenestekontonøkkel (JSON)", "en": "Service-account key (JSON)"},
    "google.creds.sa_help": {
        "nb": "Lag tjenestekontoen i Google Cloud, slå på Google Analytics Data API og Google Search Console API, og last ned en nøkkel. Se docs/google.md.",
        "en": "Create the service account in Google Cloud, enable the Google Analytics Data API and the Google Search Console API, and download a key. See docs/google.md.",
    },
    "google.creds.saved": {
        "nb": "Nøkkelen er lagret. Gi {email} tilgang i GA4 og Search Console.",
        "en": "The key is saved. Give {email} access in GA4 and Search Console.",
    },
    "google.creds.in_use_sa": {
        "nb": "Tjenestekonto i bruk: {email} (fra {where}).",
        "en": "Service account in use: {email} (from {where}).",
    },
    "google.creds.in_use_oauth": {
        "nb": "Innlogget med en Google-bruker (fra {where}).",
        "en": "Signed in with a Google user (from {where}).",
    },
    "google.creds.none": {
        "nb": "Ingen Google-tilgang ennå. Last opp en tjenestekontonøkkel, eller logg inn med Google.",
        "en": "No Google access yet. Upload a service-account key, or sign in with Google.",
    },
    "google.creds.save": {"nb": "Lagre nøkkel", "en": "Save key"},
    "google.creds.remove": {"nb": "Fjern lagret tilgang", "en": "Remove stored access"},
    "google.creds.removed": {"nb": "Lagret tilgang er fjernet.", "en": "Stored access removed."},
    "google.oauth.header": {"nb": "Eller: logg inn med Google", "en": "Or: sign in with Google"},
    "google.oauth.client_upload": {"nb": "OAuth-klient (JSON, type Skrivebordsapp)", "en": "OAuth client (JSON, type Desktop app)"},
    "google.oauth.login": {"nb": "Logg inn med Google", "en": "Sign in with Google"},
    "google.oauth.help": {
        "nb": "Åpner et nettleservindu på denne maskinen. Virker bare når Mandag kjører på din egen maskin.",
        "en": "Opens a browser window on this machine. Works only when Mandag runs on your own computer.",
    },
    "google.oauth.done": {"nb": "Du er logget inn.", "en": "You are signed in."},
    "google.oauth.failed": {
        "nb": "Innloggingen ble ikke fullført. Prøv igjen, eller bruk en tjenestekonto.",
        "en": "The sign-in did not complete. Try again, or use a service account.",
    },
    "google.ga4.header": {"nb": "Google Analytics 4", "en": "Google Analytics 4"},
    "google.ga4.property": {"nb": "Egenskaps-ID", "en": "Property id"},
    "google.ga4.property_help": {
        "nb": "Bare sifre, fra Administrator → Egenskapsinnstillinger (ikke G-XXXX).",
        "en": "Digits only, from Admin → Property settings (not G-XXXX).",
    },
    "google.ga4.save": {"nb": "Lagre og test GA4", "en": "Save and test GA4"},
    "google.ga4.test_ok": {
        "nb": "GA4-egenskap {property} svarer. Den har {count} nøkkelhendelser.",
        "en": "GA4 property {property} answers. It has {count} key events.",
    },
    "google.ga4.lead_events": {"nb": "Hendelser som teller som leads", "en": "Events that count as leads"},
    "google.ga4.lead_events_help": {
        "nb": "Tomt betyr at alle nøkkelhendelser teller som leads.",
        "en": "Empty means every key event counts as a lead.",
    },
    "google.ga4.lead_saved": {"nb": "Lead-hendelsene er lagret.", "en": "Lead events saved."},
    "google.ga4.save_leads": {"nb": "Lagre lead-hendelser", "en": "Save lead events"},
    "google.gsc.header": {"nb": "Search Console", "en": "Search Console"},
    "google.gsc.load_sites": {"nb": "Hent mine egenskaper", "en": "List my properties"},
    "google.gsc.site": {"nb": "Egenskap", "en": "Property"},
    "google.gsc.no_sites": {
        "nb": "Tilgangen ser ingen Search Console-egenskaper. Legg til tjenestekontoens e-post som bruker i Search Console.",
        "en": "These credentials see no Search Console properties. Add the service account's e-mail as a user in Search Console.",
    },
    "google.gsc.unverified": {"nb": "ikke bekreftet – kan ikke brukes", "en": "unverified — cannot be used"},
    "google.gsc.domain": {"nb": "domene", "en": "domain"},
    "google.gsc.prefix": {"nb": "URL-prefiks", "en": "URL prefix"},
    "google.gsc.save": {"nb": "Lagre egenskap", "en": "Save property"},
    "google.gsc.saved": {"nb": "Search Console-egenskapen {site} er lagret.", "en": "Search Console property {site} saved."},
    "google.gsc.test_ok": {
        "nb": "Den svarer: {clicks} klikk og {impressions} visninger {start}–{end}.",
        "en": "It answers: {clicks} clicks and {impressions} impressions from {start} to {end}.",
    },
    "google.gsc.current": {"nb": "Valgt egenskap: {site}", "en": "Chosen property: {site}"},
    "google.sync.header": {"nb": "Synkronisering", "en": "Sync"},
    "google.sync.now": {"nb": "Synkroniser nå", "en": "Sync now"},
    "google.sync.first_note": {
        "nb": "Første synkronisering henter 16 måneder Search Console og 13 måneder GA4, og kan ta noen minutter.",
        "en": "The first sync fetches 16 months of Search Console and 13 months of GA4, and can take a few minutes.",
    },
    "google.sync.progress": {"nb": "{source}: {done} av {total} dager", "en": "{source}: {done} of {total} days"},
    "google.sync.never": {"nb": "Ikke synkronisert ennå.", "en": "Not synced yet."},
    "google.sync.cron": {
        "nb": "Automatisk hver mandag kl. 06: legg inn cron-linjen fra docs/google.md.",
        "en": "Automatically every Monday at 06:00: add the cron line from docs/google.md.",
    },
    "google.col.source": {"nb": "Kilde", "en": "Source"},
    "google.col.account": {"nb": "Konto", "en": "Account"},
    "google.col.last_day": {"nb": "Siste ferdige dag", "en": "Last complete day"},
    "google.col.last_run": {"nb": "Sist kjørt", "en": "Last run"},
    "google.col.status": {"nb": "Status", "en": "Status"},
    "google.status.ok": {"nb": "OK", "en": "OK"},
    "google.status.error": {"nb": "Feil", "en": "Error"},
    "google.brand.header": {"nb": "Merkevareord (Search Console)", "en": "Brand terms (Search Console)"},
    "google.brand.label": {
        "nb": "Ett ord per linje; søk som inneholder et av dem regnes som merkevaresøk",
        "en": "One term per line; searches containing any of them count as brand searches",
    },
    "google.brand.save": {"nb": "Lagre merkevareord", "en": "Save brand terms"},
    "google.brand.saved": {"nb": "Merkevareordene er lagret.", "en": "Brand terms saved."},
    "google.replay": {"nb": "testopptak", "en": "test recording"},
    # ---- Search page ------------------------------------------------------------------------
    "search.title": {"nb": "Søk", "en": "Search"},
    "search.empty": {
        "nb": "Ingen Search Console-data ennå. Koble til Search Console under Innstillinger → Google, eller last opp en ZIP-eksport (Search Console → Resultater → Eksporter).",
        "en": "No Search Console data yet. Connect Search Console in Settings → Google, or upload a ZIP export (Search Console → Performance → Export).",
    },
    "search.property": {"nb": "Search Console-egenskap", "en": "Search Console property"},
    "search.period": {
        "nb": "Siste 4 uker: {start}–{end}, sammenlignet med de 4 ukene før.",
        "en": "Last 4 weeks: {start} to {end}, compared with the 4 weeks before.",
    },
    "search.delay": {
        "nb": "Search Console-data til {day} (normal forsinkelse er 2–3 dager).",
        "en": "Search Console data up to {day} (the normal delay is 2–3 days).",
    },
    "search.kpi.clicks": {"nb": "Klikk", "en": "Clicks"},
    "search.kpi.impressions": {"nb": "Visninger", "en": "Impressions"},
    "search.kpi.ctr": {"nb": "Klikkrate", "en": "CTR"},
    "search.kpi.position": {"nb": "Snittposisjon", "en": "Average position"},
    "search.weekly.header": {"nb": "Organisk søk per uke", "en": "Organic search per week"},
    "search.col.week": {"nb": "Uke", "en": "Week"},
    "search.col.query": {"nb": "Søk", "en": "Query"},
    "search.col.page": {"nb": "Side", "en": "Page"},
    "search.col.clicks": {"nb": "Klikk", "en": "Clicks"},
    "search.col.clicks_before": {"nb": "Klikk før", "en": "Clicks before"},
    "search.col.change": {"nb": "Endring", "en": "Change"},
    "search.col.impressions": {"nb": "Visninger", "en": "Impressions"},
    "search.col.ctr": {"nb": "Klikkrate", "en": "CTR"},
    "search.col.position": {"nb": "Posisjon", "en": "Position"},
    "search.col.segment": {"nb": "Del", "en": "Segment"},
    "search.brand.header": {"nb": "Merkevare og øvrige søk", "en": "Brand and non-brand"},
    "search.brand.brand": {"nb": "Merkevare", "en": "Brand"},
    "search.brand.nonbrand": {"nb": "Øvrige søk", "en": "Non-brand"},
    "search.brand.none": {
        "nb": "Legg inn merkevareord (firmanavn, produktnavn) for å skille merkevaresøk fra andre søk.",
        "en": "Add brand terms (company and product names) to separate brand searches from the rest.",
    },
    "search.brand.edit": {"nb": "Merkevareord, ett per linje", "en": "Brand terms, one per line"},
    "search.brand.save": {"nb": "Lagre", "en": "Save"},
    "search.movers.header": {"nb": "Søk som har endret seg mest", "en": "Queries that changed most"},
    "search.opps.header": {"nb": "Innholdsmuligheter", "en": "Content opportunities"},
    "search.opps.help": {
        "nb": "Søk på plass 5–20 med mange visninger og lav klikkrate: en bedre side eller tittel kan løfte dem til topp 3.",
        "en": "Queries at positions 5–20 with many impressions and a low CTR: a better page or title could lift them into the top 3.",
    },
    "search.questions.header": {"nb": "Spørsmål folk søker på", "en": "Questions people search for"},
    "search.questions.help": {
        "nb": "Søk som starter med hvordan, hva, hvorfor, hvor, når, kan … – gode emner for artikler og svar på siden.",
        "en": "Queries starting with how, what, why, where, when, can … — good topics for articles and answers on the site.",
    },
    "search.pages.gaining": {"nb": "Sider som vinner klikk", "en": "Pages gaining clicks"},
    "search.pages.losing": {"nb": "Sider som taper klikk", "en": "Pages losing clicks"},
    "search.none": {"nb": "Ingen å vise for perioden.", "en": "Nothing to show for the period."},
    "search.rows_missing": {
        "nb": "Det finnes bare totaler for denne egenskapen; søk og sider vises når det finnes rader per søk.",
        "en": "Only totals exist for this property; queries and pages show once there are rows per query.",
    },
}
