"""Planning content for the demo workspace: Rørlegger Nord AS, a plumbing company in Tromsø.

`seed_demo_plans(con, start, lang)` fills the ICE backlog, the monthly budget, daily caps, campaign
buckets, a 90-day plan and the strategy notes, written in `lang`. The 90-day plan starts on
`start`; the demo's "now" is `start + 45 days` (the middle of month 2). Milestones due before then
are done, except two from weeks 3–4 that are left open — so the Monday page has overdue
milestones to show. It links milestones to the demo's CPL and conversion-rate targets and to its
LinkedIn experiment when those exist, and ties that experiment to its ICE item.

Run it once on a fresh workspace (the demo builder does); a second run adds nothing to the ICE
backlog or the template milestones and replaces the budget, caps, buckets and notes.
"""
from __future__ import annotations

from datetime import date, timedelta

import duckdb

from metrics import budget, ice, plan90, strategy

OWNER_BOSS = "Kari"
OWNER_MARKETING = "Jonas"

# (name, channel, description, impact, confidence, effort, bucket, owner, status) per language
_ICE: dict[str, list[tuple[str, str, str, int, int, int, str, str, str]]] = {
    "nb": [
        ("Annonsegruppe for «rørlegger døgnvakt Tromsø»", "Paid Search",
         "Eksakt treff på akutt-søk om kvelden og i helgene, med egen landingsside og ring-knapp.",
         8, 7, 3, "proven", OWNER_MARKETING, "planned"),
        ("LinkedIn lead-skjema mot styrer i borettslag", "Paid Social",
         "Tilby gratis tilstandsvurdering av rørene i borettslaget; mål: under 450 kr per lead.",
         7, 4, 4, "experiment", OWNER_MARKETING, "doing"),
        ("Guide til rørfornying for borettslag (PDF)", "Email",
         "Lead-magnet for styrene: kostnader, tidsplan og hva beboerne må vite.",
         6, 5, 5, "improvement", OWNER_BOSS, "idea"),
        ("Før/etter-bilder av bad i Meta-annonsene", "Paid Social",
         "Test tre kreativer med ekte baderomsprosjekter mot dagens bildebank-annonser.",
         5, 5, 3, "experiment", OWNER_MARKETING, "idea"),
        ("Flytt Display-remarketing til søk", "Display",
         "Display gir få leads; flytt budsjettet til søk hvis Mandag sier kutt.",
         4, 6, 1, "improvement", OWNER_MARKETING, "idea"),
    ],
    "en": [
        ("Ad group for “emergency plumber Tromsø”", "Paid Search",
         "Exact match on urgent searches in the evenings and at weekends, with its own landing page and call button.",
         8, 7, 3, "proven", OWNER_MARKETING, "planned"),
        ("LinkedIn lead form for housing co-op boards", "Paid Social",
         "Offer a free check of the co-op's pipes; goal: under NOK 450 per lead.",
         7, 4, 4, "experiment", OWNER_MARKETING, "doing"),
        ("Pipe renewal guide for housing co-ops (PDF)", "Email",
         "Lead magnet for the boards: costs, schedule and what residents need to know.",
         6, 5, 5, "improvement", OWNER_BOSS, "idea"),
        ("Before/after bathroom photos in the Meta ads", "Paid Social",
         "Test three creatives with real bathroom projects against today's stock-photo ads.",
         5, 5, 3, "experiment", OWNER_MARKETING, "idea"),
        ("Move Display remarketing money to search", "Display",
         "Display brings few leads; move its budget to search if Mandag says cut.",
         4, 6, 1, "improvement", OWNER_MARKETING, "idea"),
    ],
}

_PERSONAS: dict[str, list[dict[str, str]]] = {
    "nb": [
        {"name": "Huseier som skal pusse opp badet", "role": "Eier av enebolig eller rekkehus, 35–55 år",
         "needs": "Et tett og pent bad, fast pris og én som tar ansvar for hele jobben",
         "trigger": "Gammelt bad med fuktskader, eller kjøp av bolig", "objections": "Pris, ventetid, frykt for "
         "fuskere", "criteria": "Fastpris, referanser, våtromssertifikat, tidsplan",
         "channels": "Google-søk, Facebook, anbefalinger fra naboer",
         "need_questions": "Hva koster et nytt bad? Hvor lang tid tar det?",
         "need_content": "Prisguide for baderom i Tromsø, sjekkliste for oppussing",
         "consideration_questions": "Hvem har gjort lignende bad? Hva er inkludert?",
         "consideration_content": "Prosjektgalleri med før/etter, sammenligning av fastpris og timepris",
         "decision_questions": "Kan jeg stole på dem? Når kan de starte?",
         "decision_content": "Anmeldelser, garanti, gratis befaring med fast startdato"},
        {"name": "Huseier med akutt lekkasje", "role": "Hvem som helst med en lekkasje, ofte på kveldstid",
         "needs": "En rørlegger på døra raskt", "trigger": "Vann på gulvet, tett avløp, ingen varmtvann",
         "objections": "Utrykningstillegg, usikkerhet om når de kommer",
         "criteria": "Responstid, at noen svarer telefonen, pris på utrykning",
         "channels": "Google-søk på mobil, Google-kart",
         "need_questions": "Hva gjør jeg nå? Hvor stenger jeg vannet?",
         "need_content": "Kort guide: steng hovedkranen, ring døgnvakten",
         "consideration_questions": "Hvem kan komme i kveld?",
         "consideration_content": "Google-bedriftsprofil med åpningstider og anmeldelser",
         "decision_questions": "Hva koster det å få noen ut nå?",
         "decision_content": "Tydelig pris på utrykning og ring-knapp øverst på siden"},
        {"name": "Styreleder i borettslag", "role": "Frivillig styreleder eller forretningsfører",
         "needs": "Planlegge rørfornying uten konflikter med beboerne",
         "trigger": "Gjentatte lekkasjer, tilstandsrapport, krav fra forsikring",
         "objections": "Stor investering, beboerne må godkjenne, frykt for forsinkelser",
         "criteria": "Erfaring med borettslag, kommunikasjon med beboere, pris per leilighet",
         "channels": "LinkedIn, e-post, anbefalinger fra andre styrer",
         "need_questions": "Når må rørene byttes? Hva koster det per leilighet?",
         "need_content": "Guide til rørfornying for borettslag",
         "consideration_questions": "Relining eller nye rør? Hvem har gjort det før?",
         "consideration_content": "Sammenligning av metoder, kundecase fra et borettslag i Tromsø",
         "decision_questions": "Hvordan blir hverdagen for beboerne under arbeidet?",
         "decision_content": "Framdriftsplan, beboerinformasjon og referanser fra styreledere"},
    ],
    "en": [
        {"name": "Homeowner renovating the bathroom", "role": "Owner of a house or terraced house, 35–55",
         "needs": "A watertight, good-looking bathroom, a fixed price and one firm responsible for the whole job",
         "trigger": "An old bathroom with damp damage, or buying a home",
         "objections": "Price, waiting time, fear of cowboy builders",
         "criteria": "Fixed price, references, wet-room certificate, schedule",
         "channels": "Google search, Facebook, recommendations from neighbours",
         "need_questions": "What does a new bathroom cost? How long does it take?",
         "need_content": "Bathroom price guide for Tromsø, renovation checklist",
         "consideration_questions": "Who has built similar bathrooms? What is included?",
         "consideration_content": "Project gallery with before/after, fixed price vs hourly rate compared",
         "decision_questions": "Can I trust them? When can they start?",
         "decision_content": "Reviews, guarantee, free site visit with a fixed start date"},
        {"name": "Homeowner with an urgent leak", "role": "Anyone with a leak, often in the evening",
         "needs": "A plumber at the door quickly", "trigger": "Water on the floor, a blocked drain, no hot water",
         "objections": "Call-out fee, not knowing when they will come",
         "criteria": "Response time, someone answering the phone, call-out price",
         "channels": "Google search on mobile, Google Maps",
         "need_questions": "What do I do now? Where do I turn off the water?",
         "need_content": "Short guide: close the main valve, call the emergency line",
         "consideration_questions": "Who can come tonight?",
         "consideration_content": "Google Business Profile with opening hours and reviews",
         "decision_questions": "What does it cost to get someone out now?",
         "decision_content": "A clear call-out price and a call button at the top of the page"},
        {"name": "Chair of a housing co-op board", "role": "Volunteer board chair or property manager",
         "needs": "Plan pipe renewal without conflicts with the residents",
         "trigger": "Repeated leaks, a condition report, insurer requirements",
         "objections": "A large investment, residents must approve, fear of delays",
         "criteria": "Experience with housing co-ops, resident communication, price per flat",
         "channels": "LinkedIn, e-mail, recommendations from other boards",
         "need_questions": "When must the pipes be replaced? What does it cost per flat?",
         "need_content": "Pipe renewal guide for housing co-ops",
         "consideration_questions": "Relining or new pipes? Who has done it before?",
         "consideration_content": "Methods compared, a customer case from a co-op in Tromsø",
         "decision_questions": "What will daily life be like for residents during the work?",
         "decision_content": "Progress plan, resident information and references from board chairs"},
    ],
}

_SWOT: dict[str, dict[str, str]] = {
    "nb": {"strengths": "Døgnvakt med utrykning innen to timer\nSertifisert for våtrom\n4,8 i snitt på Google",
           "weaknesses": "Gammelt nettsted som er tregt på mobil\nFå kundecase\nBegrenset kapasitet i høysesongen",
           "opportunities": "Mange borettslag fra 70-tallet trenger rørfornying\nSamarbeid med flisleggere og "
                            "elektrikere\nFå konkurrenter annonserer på kveldstid",
           "threats": "Nasjonale kjeder med store budsjetter\nAnbudsportaler presser prisene\nMangel på fagfolk"},
    "en": {"strengths": "24-hour service on site within two hours\nCertified for wet rooms\n4.8 average on Google",
           "weaknesses": "Old website that is slow on mobile\nFew customer cases\nLimited capacity in the high season",
           "opportunities": "Many 1970s housing co-ops need pipe renewal\nPartnerships with tilers and "
                            "electricians\nFew competitors advertise in the evening",
           "threats": "National chains with big budgets\nTender portals push prices down\nShortage of skilled "
                      "workers"},
}

_COMPETITORS: dict[str, list[dict[str, str]]] = {
    "nb": [
        {"name": "Rørkjeden Nord (nasjonal kjede)", "promise": "Landsdekkende, fast pris på standardbad",
         "price": "Høy", "proof": "Kjent merkevare, TV-reklame", "channels": "Søk, TV, Facebook",
         "weakness": "Lang ventetid i Tromsø, lite lokal kjennskap"},
        {"name": "Ishavsrør AS", "promise": "Billigst i byen", "price": "Lav",
         "proof": "Få anmeldelser", "channels": "Anbudsportaler", "weakness": "Ingen døgnvakt"},
        {"name": "Tromsø Bad & Rør", "promise": "Totalentreprise for bad", "price": "Middels",
         "proof": "Bildegalleri på Instagram", "channels": "Instagram, anbefalinger",
         "weakness": "Tar ikke akuttoppdrag"},
        {"name": "Anbudsportaler", "promise": "Flere tilbud på én forespørsel", "price": "Presser prisene",
         "proof": "Mange omtaler", "channels": "Søk, TV", "weakness": "Kunden vet ikke hvem som kommer"},
    ],
    "en": [
        {"name": "Rørkjeden Nord (national chain)", "promise": "Nationwide, fixed price on standard bathrooms",
         "price": "High", "proof": "Well-known brand, TV ads", "channels": "Search, TV, Facebook",
         "weakness": "Long waiting time in Tromsø, little local knowledge"},
        {"name": "Ishavsrør AS", "promise": "Cheapest in town", "price": "Low",
         "proof": "Few reviews", "channels": "Tender portals", "weakness": "No emergency service"},
        {"name": "Tromsø Bad & Rør", "promise": "Turnkey bathrooms", "price": "Medium",
         "proof": "Photo gallery on Instagram", "channels": "Instagram, referrals",
         "weakness": "Does not take emergency jobs"},
        {"name": "Tender portals", "promise": "Several quotes from one request", "price": "Pushes prices down",
         "proof": "Many reviews", "channels": "Search, TV", "weakness": "The customer does not know who will come"},
    ],
}

_VALUE_PROP: dict[str, dict[str, str]] = {
    "nb": {"audience": "huseiere og borettslag i Tromsø", "problem": "har lekkasje eller et bad som må fornyes",
           "solution": "rørlegger med døgnvakt og fastpris på bad", "result": "tørt og trygt bad uten overraskelser",
           "proof": "vi er på plass innen to timer og har 4,8 i snitt på Google"},
    "en": {"audience": "homeowners and housing co-ops in Tromsø", "problem": "have a leak or a bathroom to renew",
           "solution": "a plumber on call day and night with fixed-price bathrooms",
           "result": "a dry, safe bathroom without surprises",
           "proof": "we are on site within two hours and average 4.8 on Google"},
}

_EXTRA_MILESTONE: dict[str, str] = {
    "nb": "Beslutt LinkedIn-eksperimentet: skaler, test videre eller kutt",
    "en": "Decide the LinkedIn experiment: scale, keep testing or cut",
}

# Daily caps per channel (NOK). In November the demo spends about 720 a day on search, 1 300 on social and
# 290 on display, so Paid Social runs about 13 % ahead of its cap and shows a pacing warning.
CAPS: dict[str, float] = {"Paid Search": 1000.0, "Paid Social": 1150.0, "Display": 400.0}
CAMPAIGN_BUCKETS: dict[str, str] = {
    "Søk – Generisk": "proven",
    "Søk – Merkenavn": "proven",
    "Meta – Lead-annonser bad": "proven",
    "Display – Remarketing": "improvement",
}
# Milestones left open although due before the demo's "now" (so they show as overdue).
LEFT_OPEN: dict[str, str] = {"gbp": "doing", "content_plan": "todo"}


def seed_demo_plans(con: duckdb.DuckDBPyConnection, start: date, lang: str = "nb") -> None:
    """Fill the planning tables of a demo workspace (see the module doc). `start` is the 90-day plan's day 1."""
    lang = lang if lang in _ICE else "nb"
    now = start + timedelta(days=45)

    # ICE backlog: the suggested actions plus the company's own ideas.
    ice.add_suggestions(con, lang)
    owners = {"site_blockers": OWNER_MARKETING, "gbp_reviews": OWNER_BOSS, "landing_pages": OWNER_MARKETING,
              "email_welcome": OWNER_BOSS}
    statuses = {"site_blockers": "done", "gbp_reviews": "doing", "landing_pages": "doing", "email_welcome": "planned"}
    for key, owner in owners.items():
        con.execute("UPDATE ice_items SET owner = ?, status = ? WHERE suggestion_key = ?", [owner, statuses[key], key])
    have = {r[0] for r in con.execute("SELECT name FROM ice_items").fetchall()}
    linkedin_item = None
    for name, channel, desc, i, c, e, bucket, owner, status in _ICE[lang]:
        if name in have:
            continue
        item_id = ice.add(con, ice.Item(name, i, c, e, channel, desc, bucket, owner, status))
        if channel == "Paid Social" and bucket == "experiment" and status == "doing":
            linkedin_item = item_id
    if linkedin_item is not None:
        con.execute("UPDATE experiments SET ice_item_id = ? WHERE ice_item_id IS NULL AND campaign ILIKE 'linkedin%'",
                    [linkedin_item])

    # Budget: revenue comes from the CRM data (about 830 000 a month); Rørlegger Nord is pushing this year
    # (guidance 10–15 %), with 85 000 planned and 90 000 from the demo's current month, split 70/20/10.
    first_data = con.execute("SELECT min(period_start) FROM ad_performance").fetchall()[0][0]
    first_month = budget.month_start(min(first_data, start) if first_data else start)
    budget.save_plan(con, first_month, 85000.0, None, True, (70, 20, 10))
    budget.save_plan(con, budget.month_start(now), 90000.0, None, True, (70, 20, 10))
    for channel, cap in CAPS.items():
        budget.set_cap(con, channel, cap)
    for campaign, bucket in CAMPAIGN_BUCKETS.items():
        budget.set_campaign_bucket(con, campaign, bucket)

    # 90-day plan from the template, owners and statuses as of the demo's "now", links to targets/experiments.
    plan90.generate(con, start, lang)
    for key, phase in plan90.TEMPLATE:
        first, last = plan90.phase_dates(start, phase)
        if last < now:
            status = LEFT_OPEN.get(key, "done")
        elif first <= now:
            status = "doing" if key in ("landing_pages", "reviews") else "todo"
        else:
            status = "todo"
        owner = OWNER_BOSS if key in ("goals_kpis", "personas", "positioning", "gbp", "reviews", "first_case") \
            else OWNER_MARKETING
        con.execute("UPDATE plan_items SET status = ?, owner = ? WHERE template_key = ?", [status, owner, key])
    cpl = con.execute("SELECT min(target_id) FROM targets WHERE kpi = 'cpl'").fetchall()[0][0]
    cvr = con.execute("SELECT min(target_id) FROM targets WHERE kpi = 'conversion_rate'").fetchall()[0][0]
    for key, target_id in (("goals_kpis", cpl), ("search_ads", cpl), ("site_fixes", cvr), ("landing_pages", cvr)):
        if target_id is not None:
            con.execute("UPDATE plan_items SET target_id = ? WHERE template_key = ?", [target_id, key])
    exp = con.execute("SELECT experiment_id, planned_end FROM experiments WHERE status = 'running' "
                      "ORDER BY experiment_id LIMIT 1").fetchall()
    if exp and not con.execute("SELECT 1 FROM plan_items WHERE experiment_id = ?", [exp[0][0]]).fetchall():
        plan90.add(con, plan90.Milestone(_EXTRA_MILESTONE[lang], exp[0][1], OWNER_MARKETING, "todo", None,
                                         None, None, int(exp[0][0])))

    # Strategy notes.
    con.execute("DELETE FROM strategy_notes")
    strategy.save(con, "value_prop", _VALUE_PROP[lang])
    strategy.save(con, "swot", _SWOT[lang])
    for p in _PERSONAS[lang]:
        strategy.save(con, "persona", p)
    for c in _COMPETITORS[lang]:
        strategy.save(con, "competitor", c)
