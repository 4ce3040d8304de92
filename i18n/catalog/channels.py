"""GA4 default channel group names as users read them."""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "channel.Paid Search": {"nb": "Betalt søk", "en": "Paid Search"},
    "channel.Paid Social": {"nb": "Betalt sosialt", "en": "Paid Social"},
    "channel.Paid Video": {"nb": "Betalt video", "en": "Paid Video"},
    "channel.Paid Shopping": {"nb": "Betalt shopping", "en": "Paid Shopping"},
    "channel.Paid Other": {"nb": "Annen betalt", "en": "Paid Other"},
    "channel.Display": {"nb": "Display", "en": "Display"},
    "channel.Cross-network": {"nb": "På tvers av nettverk", "en": "Cross-network"},
    "channel.Audio": {"nb": "Lyd", "en": "Audio"},
    "channel.Organic Search": {"nb": "Organisk søk", "en": "Organic Search"},
    "channel.Organic Social": {"nb": "Organisk sosialt", "en": "Organic Social"},
    "channel.Organic Video": {"nb": "Organisk video", "en": "Organic Video"},
    "channel.Organic Shopping": {"nb": "Organisk shopping", "en": "Organic Shopping"},
    "channel.Direct": {"nb": "Direkte", "en": "Direct"},
    "channel.Referral": {"nb": "Henvisning", "en": "Referral"},
    "channel.Email": {"nb": "E-post", "en": "Email"},
    "channel.Affiliates": {"nb": "Affiliate", "en": "Affiliates"},
    "channel.SMS": {"nb": "SMS", "en": "SMS"},
    "channel.Mobile Push Notifications": {"nb": "Push-varsler", "en": "Mobile Push Notifications"},
    "channel.Unassigned": {"nb": "Ikke tilordnet", "en": "Unassigned"},
    "channel.(not set)": {"nb": "(ikke angitt)", "en": "(not set)"},
}
