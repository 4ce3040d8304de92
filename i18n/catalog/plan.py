"""Planning pages: what they share (buttons, month names, the 70/20/10 buckets)."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
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
}
