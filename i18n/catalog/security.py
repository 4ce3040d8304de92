"""Sign-in, access and safety messages."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "auth.title": {
        "nb": "Mandag – logg inn",
        "en": "Mandag – sign in",
    },
    "auth.intro": {
        "nb": "Denne Mandag-installasjonen inneholder markedsføringstall for en bedrift. Logg inn med kontoen din for å se dem.",
        "en": "This Mandag installation holds a business's marketing numbers. Sign in with your account to see them.",
    },
    "auth.login_with": {
        "nb": "Logg inn med {provider}",
        "en": "Sign in with {provider}",
    },
    "auth.login": {
        "nb": "Logg inn",
        "en": "Sign in",
    },
    "auth.refused": {
        "nb": "Du er logget inn som {email}, men denne adressen har ikke tilgang til Mandag her. Be eieren legge den til, eller logg ut og bruk en annen konto.",
        "en": "You are signed in as {email}, but that address has no access to Mandag here. Ask the owner to add it, or sign out and use another account.",
    },
    "auth.unverified": {
        "nb": "Kontoen {email} har ikke en bekreftet e-postadresse hos innloggingstjenesten, så Mandag kan ikke slippe den inn. Bekreft adressen der, eller bruk en annen konto.",
        "en": "The account {email} has no verified e-mail address at the sign-in provider, so Mandag cannot let it in. Verify the address there, or use another account.",
    },
    "auth.no_email": {
        "nb": "Innloggingstjenesten oppga ingen e-postadresse, så Mandag kan ikke sjekke tilgangen. Logg ut og bruk en konto med e-postadresse.",
        "en": "The sign-in provider gave no e-mail address, so Mandag cannot check access. Sign out and use an account that has one.",
    },
    "auth.no_allowlist": {
        "nb": "Innlogging er slått på, men ingen har fått tilgang ennå. Eieren legger inn e-postadresser eller domener under [mandag.access] allow i .streamlit/secrets.toml.",
        "en": "Sign-in is on, but no one has been given access yet. The owner adds e-mail addresses or domains under [mandag.access] allow in .streamlit/secrets.toml.",
    },
    "auth.secrets_broken": {
        "nb": "Mandag kan ikke lese .streamlit/secrets.toml, så appen holdes stengt. Rett filen (se docs/security.md) og start appen på nytt.",
        "en": "Mandag cannot read .streamlit/secrets.toml, so the app stays closed. Fix the file (see docs/security.md) and restart the app.",
    },
    "auth.open_without_login": {
        "nb": "Mandag lytter på {address} uten innlogging, så hvem som helst på nettverket kunne sett tallene. Appen holdes stengt. Sett server.address = \"127.0.0.1\" i .streamlit/config.toml, eller slå på innlogging (se docs/security.md).",
        "en": "Mandag listens on {address} without sign-in, so anyone on the network could see the numbers. The app stays closed. Set server.address = \"127.0.0.1\" in .streamlit/config.toml, or turn on sign-in (see docs/security.md).",
    },
    "auth.weak_cookie_secret": {
        "nb": "Innloggingen er stengt fordi cookie_secret i [auth] i .streamlit/secrets.toml er for kort eller er eksempelteksten. Lag en ny med python -c \"import secrets; print(secrets.token_urlsafe(48))\", lim den inn og start appen på nytt.",
        "en": "Sign-in is closed because cookie_secret under [auth] in .streamlit/secrets.toml is too short or is the example text. Make a new one with python -c \"import secrets; print(secrets.token_urlsafe(48))\", paste it in and restart the app.",
    },
    "auth.redirect_not_https": {
        "nb": "Innloggingen er stengt fordi redirect_uri i [auth] ikke bruker https. Bruk adressen med https (for eksempel https://mandag.firma.no/oauth2callback), slik at innloggingen ikke sendes ukryptert.",
        "en": "Sign-in is closed because redirect_uri under [auth] does not use https. Use the https address (for example https://mandag.firma.no/oauth2callback) so the sign-in is never sent unencrypted.",
    },
    "auth.signed_in_as": {
        "nb": "Logget inn som {who}",
        "en": "Signed in as {who}",
    },
    "auth.logout": {
        "nb": "Logg ut",
        "en": "Sign out",
    },
    "auth.no_workspace_access": {
        "nb": "Kontoen din har ikke tilgang til noen arbeidsområder her ennå. Be eieren gi deg tilgang.",
        "en": "Your account has no access to any workspace here yet. Ask the owner to give you access.",
    },
    "auth.owners_only": {
        "nb": "Bare eierne av denne Mandag-installasjonen kan endre dette.",
        "en": "Only the owners of this Mandag installation can change this.",
    },
    "security.busy": {
        "nb": "Arbeidsområdet {name} er opptatt: en annen Mandag-prosess (en import eller synkronisering) har holdt det i over {seconds} s. Vent litt og prøv igjen.",
        "en": "The workspace {name} is busy: another Mandag process (an import or a sync) has held it for over {seconds} s. Wait a moment and try again.",
    },
}
