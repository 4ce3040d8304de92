"""Scale-or-cut verdicts, their reasons and actions, experiments and the decision log."""

STRINGS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- verdict badges
    "decisions.verdict.scale": {"nb": "▲ SKALER", "en": "▲ SCALE"},
    "decisions.verdict.keep_testing": {"nb": "● TEST VIDERE", "en": "● KEEP TESTING"},
    "decisions.verdict.cut": {"nb": "▼ KUTT", "en": "▼ CUT"},
    "decisions.verdict.too_early": {"nb": "○ FOR TIDLIG", "en": "○ TOO EARLY"},
    "decisions.verdict.no_clear_call": {"nb": "◆ INGEN KLAR BESLUTNING", "en": "◆ NO CLEAR CALL"},
    "decisions.verdict.no_target": {"nb": "? MANGLER MÅL", "en": "? NO TARGET"},

    # ---------------------------------------------------------------- reasons (CPL)
    "decisions.reason.scale": {
        "nb": "Det er {chance} sjanse for at den reelle kostnaden per lead er under målet på {target}: "
              "trolig rundt {likely}, og selv et forsiktig anslag er {cautious} ({leads} leads for {spend} "
              "på {span} uker).",
        "en": "There's a {chance} chance the real cost per lead is under your {target} target: most likely "
              "about {likely}, and even a cautious estimate is {cautious} ({leads} leads for {spend} over "
              "{span} weeks).",
    },
    "decisions.reason.cut": {
        "nb": "Det er {chance_over} sjanse for at den reelle kostnaden per lead er over målet på {target}: "
              "trolig rundt {likely}, og selv et optimistisk anslag er {optimistic} ({leads} leads for {spend} "
              "på {span} uker).",
        "en": "There's a {chance_over} chance the real cost per lead is above your {target} target: most likely "
              "about {likely}, and even an optimistic estimate is {optimistic} ({leads} leads for {spend} over "
              "{span} weeks).",
    },
    "decisions.reason.zero_lead_stop": {
        "nb": "Du har brukt {spend}, {multiple} ganger det ett lead skal koste ({target}), uten et eneste lead. "
              "Hvis kanalen egentlig lå på målet, ville det skjedd færre enn 5 av 100 ganger.",
        "en": "You've spent {spend}, {multiple} times what one lead should cost ({target}), without a single "
              "lead. If this were really on target, that would happen less than 5 times in 100.",
    },
    "decisions.reason.keep_testing": {
        "nb": "For tidlig å si: den reelle kostnaden per lead er trolig mellom {low} og {high}, og det spenner "
              "over målet på {target} ({chance} sjanse for under målet; {leads} leads for {spend} på {span} uker).",
        "en": "Too early to tell: the real cost per lead is probably between {low} and {high}, which straddles "
              "your {target} target ({chance} chance it is under; {leads} leads for {spend} over {span} weeks).",
    },
    "decisions.reason.too_early": {
        "nb": "Bare {weeks} av {min_weeks} uker så langt ({leads} leads for {spend}); den reelle kostnaden per "
              "lead er trolig mellom {low} og {high}.",
        "en": "Only {weeks} of {min_weeks} weeks so far ({leads} leads for {spend}); the real cost per lead is "
              "probably between {low} and {high}.",
    },
    "decisions.reason.too_early_short": {
        "nb": "Bare {weeks} av {min_weeks} uker så langt; de første tallene er på vei inn.",
        "en": "Only {weeks} of {min_weeks} weeks so far; the first numbers are still coming in.",
    },
    "decisions.reason.held_scale": {
        "nb": "Fortsatt SKALER: sjansen for at kostnaden per lead er under målet på {target} falt til {chance} "
              "denne uken, men et flagg endres først etter to uker på rad (trolig rundt {likely}).",
        "en": "Still SCALE: this week the chance that the cost per lead is under your {target} target fell to "
              "{chance}, but a flag only changes after two weeks in a row (most likely about {likely}).",
    },
    "decisions.reason.held_cut": {
        "nb": "Fortsatt KUTT: sjansen for at kostnaden per lead er over målet på {target} falt til {chance_over} "
              "denne uken, men et flagg endres først etter to uker på rad (trolig rundt {likely}).",
        "en": "Still CUT: this week the chance that the cost per lead is above your {target} target fell to "
              "{chance_over}, but a flag only changes after two weeks in a row (most likely about {likely}).",
    },
    "decisions.reason.pending_scale": {
        "nb": "På vei mot skalering: {chance} sjanse for at kostnaden per lead er under målet på {target} "
              "(trolig rundt {likely}). Én uke til som denne, så flagges den.",
        "en": "Leaning towards scale: {chance} chance the cost per lead is under your {target} target (most "
              "likely about {likely}). One more week like this and it is flagged.",
    },
    "decisions.reason.pending_cut": {
        "nb": "På vei mot kutt: {chance_over} sjanse for at kostnaden per lead er over målet på {target} "
              "(trolig rundt {likely}). Én uke til som denne, så flagges den.",
        "en": "Leaning towards cut: {chance_over} chance the cost per lead is above your {target} target (most "
              "likely about {likely}). One more week like this and it is flagged.",
    },
    "decisions.reason.no_clear_call": {
        "nb": "Nær målet, ingen klar beslutning etter {weeks} uker: den reelle kostnaden per lead er trolig "
              "mellom {low} og {high}, rundt målet på {target} ({chance} sjanse for under).",
        "en": "Close to target, no clear call after {weeks} weeks: the real cost per lead is probably between "
              "{low} and {high}, around your {target} target ({chance} chance it is under).",
    },
    "decisions.reason.experiment_no_call": {
        "nb": "Eksperimentet er i uke {clock} av {clock_of} uten et klart svar: den reelle kostnaden per lead er "
              "trolig mellom {low} og {high}, rundt målet på {target} ({chance} sjanse for under).",
        "en": "The experiment is in week {clock} of {clock_of} without a clear answer: the real cost per lead is "
              "probably between {low} and {high}, around your {target} target ({chance} chance it is under).",
    },
    "decisions.reason.campaign_too_small": {
        "nb": "For liten til å flagges alene ({leads} leads for {spend}; en kampanje trenger {min_leads} leads "
              "eller 3 ganger målet i kostnad). Vurder den sammen med kanalen.",
        "en": "Too small to flag on its own ({leads} leads for {spend}; a campaign needs {min_leads} leads or "
              "3 times the target in spend). Judge it together with its channel.",
    },
    "decisions.reason.no_target_cpl": {
        "nb": "Ingen CPL-mål gjelder for {name}. Sett et CPL-mål for denne kanalen eller for alle kanaler "
              "under Mål, så får den en anbefaling.",
        "en": "No CPL target covers {name}. Set a CPL target for this channel, or for all channels, under "
              "Targets to get a verdict.",
    },
    "decisions.reason.no_target_roas": {
        "nb": "Ingen ROAS-mål gjelder for {name}. Sett et ROAS-mål (for eksempel 3) for denne kanalen eller for "
              "alle kanaler under Mål, så får den en anbefaling.",
        "en": "No ROAS target covers {name}. Set a ROAS target (for example 3) for this channel, or for all "
              "channels, under Targets to get a verdict.",
    },
    "decisions.reason.too_few_sales": {
        "nb": "For få salg til å vurdere ROAS ({sales} så langt, trenger 5). Sett et CPL-mål for å vurdere "
              "kostnaden per lead i mellomtiden.",
        "en": "Too few sales to judge ROAS ({sales} so far, 5 needed). Set a CPL target to judge the cost per "
              "lead meanwhile.",
    },
    "decisions.reason.no_spend": {
        "nb": "Ingen kostnad registrert ennå. Sjekk at kanal- og kampanjenavnet er det samme som i "
              "annonsedataene, og at eksporten for disse ukene er lastet opp.",
        "en": "No spend recorded yet. Check that the channel and campaign name match the ad data, and "
              "that the export for these weeks has been uploaded.",
    },
    "decisions.note.sales_guard": {
        "nb": "(For få salg til å vurdere ROAS ennå; vurdert på kostnad per lead.)",
        "en": "(Too few sales to judge ROAS yet; judged on cost per lead.)",
    },

    # ---------------------------------------------------------------- reasons (ROAS, shops)
    "decisions.reason.roas.scale": {
        "nb": "Det er {chance} sjanse for at den reelle ROAS er minst {roas_target}: trolig rundt {roas_likely} "
              "({sales} salg for {spend}).",
        "en": "There's a {chance} chance the real ROAS is at least {roas_target}: most likely about {roas_likely} "
              "({sales} sales for {spend}).",
    },
    "decisions.reason.roas.cut": {
        "nb": "Det er {chance_over} sjanse for at den reelle ROAS er under {roas_target}: trolig rundt "
              "{roas_likely} ({sales} salg for {spend}).",
        "en": "There's a {chance_over} chance the real ROAS is below {roas_target}: most likely about "
              "{roas_likely} ({sales} sales for {spend}).",
    },
    "decisions.reason.roas.keep_testing": {
        "nb": "For tidlig å si: den reelle ROAS er trolig mellom {roas_low} og {roas_high}, rundt målet på "
              "{roas_target} ({chance} sjanse for over; {sales} salg for {spend}).",
        "en": "Too early to tell: the real ROAS is probably between {roas_low} and {roas_high}, around your "
              "{roas_target} target ({chance} chance it is above; {sales} sales for {spend}).",
    },
    "decisions.reason.roas.held_scale": {
        "nb": "Fortsatt SKALER: sjansen for ROAS på minst {roas_target} falt til {chance} denne uken, men et "
              "flagg endres først etter to uker på rad.",
        "en": "Still SCALE: this week the chance of a ROAS of at least {roas_target} fell to {chance}, but a "
              "flag only changes after two weeks in a row.",
    },
    "decisions.reason.roas.held_cut": {
        "nb": "Fortsatt KUTT: sjansen for ROAS under {roas_target} falt til {chance_over} denne uken, men et "
              "flagg endres først etter to uker på rad.",
        "en": "Still CUT: this week the chance of a ROAS below {roas_target} fell to {chance_over}, but a flag "
              "only changes after two weeks in a row.",
    },
    "decisions.reason.roas.pending_scale": {
        "nb": "På vei mot skalering: {chance} sjanse for ROAS på minst {roas_target}. Én uke til som denne, "
              "så flagges den.",
        "en": "Leaning towards scale: {chance} chance of a ROAS of at least {roas_target}. One more week like "
              "this and it is flagged.",
    },
    "decisions.reason.roas.pending_cut": {
        "nb": "På vei mot kutt: {chance_over} sjanse for ROAS under {roas_target}. Én uke til som denne, så "
              "flagges den.",
        "en": "Leaning towards cut: {chance_over} chance of a ROAS below {roas_target}. One more week like this "
              "and it is flagged.",
    },
    "decisions.reason.roas.no_clear_call": {
        "nb": "Nær målet, ingen klar beslutning etter {weeks} uker: ROAS er trolig mellom {roas_low} og "
              "{roas_high}, rundt målet på {roas_target}.",
        "en": "Close to target, no clear call after {weeks} weeks: the ROAS is probably between {roas_low} and "
              "{roas_high}, around your {roas_target} target.",
    },

    # ---------------------------------------------------------------- actions (70/20/10)
    "decisions.action.raise_budget": {
        "nb": "Øk budsjettet med rundt 20 % og sjekk igjen neste mandag.",
        "en": "Raise the budget by about 20% and check again next Monday.",
    },
    "decisions.action.promote": {
        "nb": "Flytt den fra eksperimentbudsjettet (10 %) til forbedringer (20 %) og øk budsjettet med rundt 20 %.",
        "en": "Move it from the experiment budget (10%) to the improvement bucket (20%) and raise it by about 20%.",
    },
    "decisions.action.hold": {
        "nb": "Hold budsjettet flatt, eller kutt hvis den tar for mye oppmerksomhet.",
        "en": "Keep the budget flat, or cut it if it costs you too much attention.",
    },
    "decisions.action.keep": {
        "nb": "Hold budsjettet flatt og la testen gå.",
        "en": "Keep the budget flat and let the test run.",
    },
    "decisions.action.pause": {
        "nb": "Sett den på pause og flytt pengene til det som virker.",
        "en": "Pause it and move the money to what works.",
    },
    "decisions.action.set_target": {
        "nb": "Sett målet først.",
        "en": "Set the target first.",
    },
    "decisions.action.wait": {
        "nb": "La den gå som planlagt.",
        "en": "Let it run as planned.",
    },
    "decisions.action.decide": {
        "nb": "Bestem deg nå: skaler, behold med flatt budsjett, eller stopp.",
        "en": "Decide now: scale it, keep it on a flat budget, or stop it.",
    },

    # ---------------------------------------------------------------- the same, in a few words (the table)
    "decisions.step.raise_budget": {"nb": "Øk budsjettet ~20 %", "en": "Raise the budget ~20%"},
    "decisions.step.promote": {"nb": "Flytt til forbedringer (20 %)", "en": "Move to improvements (20%)"},
    "decisions.step.hold": {"nb": "Hold budsjettet flatt", "en": "Keep the budget flat"},
    "decisions.step.keep": {"nb": "La testen gå", "en": "Let the test run"},
    "decisions.step.pause": {"nb": "Sett på pause", "en": "Pause it"},
    "decisions.step.set_target": {"nb": "Sett et mål", "en": "Set a target"},
    "decisions.step.wait": {"nb": "La den gå som planlagt", "en": "Let it run as planned"},
    "decisions.step.decide": {"nb": "Bestem deg nå", "en": "Decide now"},

    # ---------------------------------------------------------------- top actions
    "decisions.top.title": {"nb": "Denne uken", "en": "This week"},
    "decisions.top.scale": {"nb": "Skaler {name}: {reason} {action}", "en": "Scale {name}: {reason} {action}"},
    "decisions.top.cut": {"nb": "Kutt {name}: {reason} {action}", "en": "Cut {name}: {reason} {action}"},
    "decisions.top.decide": {
        "nb": "Eksperimentet {name} er i uke {clock} av {clock_of}: bestem deg denne uken. {reason}",
        "en": "Experiment {name} is in week {clock} of {clock_of}: decide this week. {reason}",
    },
    "decisions.top.decide_soon": {
        "nb": "Eksperimentet {name} er i uke {clock} av {clock_of}: bestem deg neste mandag.",
        "en": "Experiment {name} is in week {clock} of {clock_of}: decide next Monday.",
    },
    "decisions.top.no_target": {
        "nb": "Sett et mål for {name}: uten mål kan Mandag ikke si om den skal skaleres eller kuttes.",
        "en": "Set a target for {name}: without one Mandag cannot say whether to scale or cut it.",
    },
    "decisions.top.no_clear_call": {
        "nb": "{name} ligger nær målet uten klar beslutning: {action}",
        "en": "{name} is close to target with no clear call: {action}",
    },
    "decisions.top.none": {
        "nb": "Ingen kanal trenger en beslutning denne uken: la testene gå.",
        "en": "No channel needs a decision this week: let the tests run.",
    },
    "decisions.name.experiment": {"nb": "«{name}»", "en": "“{name}”"},
    "decisions.name.campaign": {"nb": "{channel} – {campaign}", "en": "{channel} – {campaign}"},
    "decisions.chance.above": {"nb": ">99 %", "en": ">99%"},
    "decisions.chance.below": {"nb": "<1 %", "en": "<1%"},

    # ---------------------------------------------------------------- the Monday table
    "decisions.table.title": {"nb": "Skaler eller kutt", "en": "Scale or cut"},
    "decisions.table.wrong_flags": {
        "nb": "{flags} flagg, omtrent {expected} forventet å være feil.",
        "en": "{flags} flags, about {expected} expected to be wrong.",
    },
    "decisions.table.no_flags": {
        "nb": "Ingen flagg denne uken.",
        "en": "No flags this week.",
    },
    "decisions.table.empty": {
        "nb": "Ingen kanaler med annonsekostnad i vurderingsvinduet ennå. Last opp eksporter fra annonsekontoene.",
        "en": "No channels with ad spend in the evaluation window yet. Upload the exports from your ad accounts.",
    },
    "decisions.table.judged_to": {
        "nb": "Vurdert på kostnad og leads til og med {day} (de siste {lag} dagene venter på forsinkede leads). "
              "Sjanse = sjansen for at den reelle kostnaden per lead er under målet.",
        "en": "Judged on spend and leads up to {day} (the last {lag} days wait for late leads). "
              "Chance = the chance that the real cost per lead is under the target.",
    },
    "decisions.table.all_campaigns": {
        "nb": "Vis alle kampanjer ({hidden} flere)",
        "en": "Show all campaigns ({hidden} more)",
    },
    "decisions.table.flagged_only": {
        "nb": "Vis bare kanalene og de flaggede kampanjene med mest kostnad",
        "en": "Show only the channels and the flagged campaigns with the most spend",
    },
    "decisions.col.name": {"nb": "Kanal / kampanje", "en": "Channel / campaign"},
    "decisions.col.clock": {"nb": "Uker", "en": "Weeks"},
    "decisions.col.spend": {"nb": "Kostnad", "en": "Spend"},
    "decisions.col.leads": {"nb": "Leads", "en": "Leads"},
    "decisions.col.cpl": {"nb": "CPL", "en": "CPL"},
    "decisions.col.range": {"nb": "Trolig CPL (spenn)", "en": "Likely CPL (range)"},
    "decisions.col.target": {"nb": "Mål", "en": "Target"},
    "decisions.col.chance": {"nb": "Sjanse under mål", "en": "Chance under target"},
    "decisions.col.verdict": {"nb": "Anbefaling", "en": "Verdict"},
    "decisions.col.reason": {"nb": "Hvorfor", "en": "Why"},
    "decisions.col.next": {"nb": "Neste steg", "en": "Next step"},
    "decisions.clock": {"nb": "{clock} av {clock_of}", "en": "{clock} of {clock_of}"},
    "decisions.experiment_tag": {"nb": "{name} (eksp.)", "en": "{name} (exp.)"},
    "decisions.drill.pick": {"nb": "CPL per uke for en rad", "en": "Weekly CPL of a row"},
    "decisions.drill.open": {"nb": "Hvorfor, og CPL per uke, for en rad", "en": "Why, and the weekly CPL, for a row"},
    "decisions.drill.close": {"nb": "Skjul raddetaljene", "en": "Hide the row details"},
    "decisions.drill.placeholder": {"nb": "Velg kanal, kampanje eller eksperiment …",
                                    "en": "Pick a channel, campaign or experiment …"},
    "decisions.drill.none": {"nb": "—", "en": "—"},
    "decisions.drill.title": {"nb": "CPL per uke mot målet", "en": "Weekly CPL against the target"},
    "decisions.drill.cpl": {"nb": "CPL", "en": "CPL"},
    "decisions.drill.range": {"nb": "Trolig spenn (90 %)", "en": "Likely range (90%)"},
    "decisions.drill.target": {"nb": "Mål", "en": "Target"},
    "decisions.drill.week": {"nb": "Uke", "en": "Week"},
    "decisions.drill.no_data": {
        "nb": "Ingen ukedata for denne raden ennå.",
        "en": "No weekly data for this row yet.",
    },
    "decisions.error": {
        "nb": "Anbefalingene kunne ikke beregnes: {error}",
        "en": "The verdicts could not be worked out: {error}",
    },

    # ---------------------------------------------------------------- decision log
    "decisions.log_title": {"nb": "Beslutningslogg", "en": "Decision log"},
    "decisions.log.intro": {
        "nb": "Hver mandags anbefalinger lagres her. Skriv ned hva du gjorde, så viser loggen hva som skjedde etterpå.",
        "en": "Every Monday's verdicts are kept here. Write down what you did, and the log shows what happened after.",
    },
    "decisions.log.empty": {
        "nb": "Loggen er tom. Den fylles når du åpner Mandag-siden for en hel uke.",
        "en": "The log is empty. It fills when you open the Monday page for a complete week.",
    },
    "decisions.log.record": {"nb": "Registrer hva du gjorde", "en": "Record what you did"},
    "decisions.log.entry": {"nb": "Beslutning", "en": "Decision"},
    "decisions.log.action": {"nb": "Hva du gjorde", "en": "What you did"},
    "decisions.log.note": {"nb": "Notat", "en": "Note"},
    "decisions.log.save": {"nb": "Lagre", "en": "Save"},
    "decisions.log.saved": {"nb": "Lagret.", "en": "Saved."},
    "decisions.log.download": {"nb": "Last ned som CSV", "en": "Download as CSV"},
    "decisions.log.action.scaled": {"nb": "Skalerte", "en": "Scaled"},
    "decisions.log.action.cut": {"nb": "Kuttet", "en": "Cut"},
    "decisions.log.action.kept": {"nb": "Beholdt", "en": "Kept"},
    "decisions.log.action.ignored": {"nb": "Gjorde ingenting", "en": "Ignored"},
    "decisions.log.action.none": {"nb": "—", "en": "—"},
    "decisions.log.col.week": {"nb": "Uke", "en": "Week"},
    "decisions.log.col.name": {"nb": "Kanal / kampanje", "en": "Channel / campaign"},
    "decisions.log.col.verdict": {"nb": "Anbefaling", "en": "Verdict"},
    "decisions.log.col.chance": {"nb": "Sjanse under mål", "en": "Chance under target"},
    "decisions.log.col.cpl": {"nb": "CPL", "en": "CPL"},
    "decisions.log.col.action": {"nb": "Hva du gjorde", "en": "What you did"},
    "decisions.log.col.note": {"nb": "Notat", "en": "Note"},
    "decisions.log.col.cpl_before": {"nb": "CPL før", "en": "CPL before"},
    "decisions.log.col.cpl_after": {"nb": "CPL etter", "en": "CPL after"},
    "decisions.log.col.spend_before": {"nb": "Kostnad før", "en": "Spend before"},
    "decisions.log.col.spend_after": {"nb": "Kostnad etter", "en": "Spend after"},
    "decisions.log.col.weeks_after": {"nb": "Uker etter", "en": "Weeks after"},
    "decisions.log.outcome_help": {
        "nb": "Før = de {n} ukene til og med beslutningsuken; etter = opptil {n} hele uker etter den.",
        "en": "Before = the {n} weeks up to and including the decision week; after = up to {n} complete weeks after it.",
    },
    "decisions.log.no_workspace": {
        "nb": "Ingen arbeidsområde er åpent ennå.",
        "en": "No workspace is open yet.",
    },

    # ---------------------------------------------------------------- decision settings
    "decisions.settings.title": {"nb": "Skaler eller kutt", "en": "Scale or cut"},
    "decisions.settings.eval_weeks": {"nb": "Vurderingsvindu (uker)", "en": "Evaluation window (weeks)"},
    "decisions.settings.eval_weeks.help": {
        "nb": "Hvor mange hele uker hver anbefaling bygger på (4–8).",
        "en": "How many complete weeks each verdict looks at (4–8).",
    },
    "decisions.settings.scale_threshold": {"nb": "Skaler ved sjanse minst", "en": "Scale at a chance of at least"},
    "decisions.settings.cut_threshold": {"nb": "Kutt ved sjanse høyst", "en": "Cut at a chance of at most"},
    "decisions.settings.thresholds.help": {
        "nb": "Sjansen for at den reelle kostnaden per lead er under målet. Standard: 0,90 og 0,10.",
        "en": "The chance that the real cost per lead is under the target. Default: 0.90 and 0.10.",
    },
    "decisions.settings.lag_days": {"nb": "Dager å vente på forsinkede leads", "en": "Days to wait for late leads"},
    "decisions.settings.lag_days.help": {
        "nb": "De siste dagene av kostnad utelates, fordi leadsene fra dem ikke har kommet ennå (standard 7).",
        "en": "The last days of spend are left out because their leads have not arrived yet (default 7).",
    },
    "decisions.settings.revenue_lag_days": {
        "nb": "Dager å vente på salg og omsetning", "en": "Days to wait for sales and revenue",
    },
    "decisions.settings.excluded": {"nb": "Uvanlige uker som utelates", "en": "Atypical weeks to leave out"},
    "decisions.settings.excluded.help": {
        "nb": "Uker som påske, fellesferie, Black Friday og jul ligner ikke på vanlige uker.",
        "en": "Weeks like Easter, the July holiday, Black Friday and Christmas are not like normal weeks.",
    },
    "decisions.settings.save": {"nb": "Lagre", "en": "Save"},
    "decisions.settings.saved": {"nb": "Lagret.", "en": "Saved."},
    "decisions.settings.bad_thresholds": {
        "nb": "Skaler-grensen må være høyere enn kutt-grensen.",
        "en": "The scale threshold must be higher than the cut threshold.",
    },
    "decisions.settings.bad_window": {
        "nb": "Vurderingsvinduet må være 4–8 uker.",
        "en": "The evaluation window must be 4–8 weeks.",
    },
    "decisions.settings.bad_lag": {
        "nb": "Ventetiden må være 0–28 dager for leads og 0–90 dager for salg.",
        "en": "The wait must be 0–28 days for leads and 0–90 days for sales.",
    },
    "decisions.settings.no_workspace": {
        "nb": "Åpne et arbeidsområde for å endre disse innstillingene.",
        "en": "Open a workspace to change these settings.",
    },
    "decisions.week.easter": {"nb": "Påske {year} ({week})", "en": "Easter {year} ({week})"},
    "decisions.week.easter_monday": {"nb": "Andre påskedag {year} ({week})", "en": "Easter Monday {year} ({week})"},
    "decisions.week.fellesferie": {"nb": "Fellesferie {year} ({week})", "en": "Norwegian summer holiday {year} ({week})"},
    "decisions.week.black_friday": {"nb": "Black Friday {year} ({week})", "en": "Black Friday {year} ({week})"},
    "decisions.week.christmas": {"nb": "Jul {year} ({week})", "en": "Christmas {year} ({week})"},
    "decisions.week.new_year": {"nb": "Romjul/nyttår {year} ({week})", "en": "New Year {year} ({week})"},
    "decisions.week.other": {"nb": "Annen uke ({week})", "en": "Other week ({week})"},

    # ---------------------------------------------------------------- experiments
    "experiments.title": {"nb": "Eksperimenter", "en": "Experiments"},
    "experiments.intro": {
        "nb": "Et eksperiment er en test fra 10 %-potten: en hypotese, et budsjett og 4–6 uker til å vise om den "
              "holder. I uke 4–6 får det samme anbefaling som kanalene.",
        "en": "An experiment is a test from the 10% budget: a hypothesis, a budget and 4–6 weeks to show whether "
              "it holds. From week 4 to 6 it gets the same verdict as the channels.",
    },
    "experiments.new": {"nb": "Nytt eksperiment", "en": "New experiment"},
    "experiments.name": {"nb": "Navn", "en": "Name"},
    "experiments.channel": {"nb": "Kanal", "en": "Channel"},
    "experiments.campaign": {"nb": "Kampanje (valgfritt)", "en": "Campaign (optional)"},
    "experiments.hypothesis": {"nb": "Hypotese", "en": "Hypothesis"},
    "experiments.bucket": {"nb": "Budsjettpott", "en": "Budget bucket"},
    "experiments.bucket.proven": {"nb": "Velprøvd (70 %)", "en": "Proven (70%)"},
    "experiments.bucket.improvement": {"nb": "Forbedring (20 %)", "en": "Improvement (20%)"},
    "experiments.bucket.experiment": {"nb": "Eksperiment (10 %)", "en": "Experiment (10%)"},
    "experiments.start": {"nb": "Start", "en": "Start"},
    "experiments.planned_end": {"nb": "Planlagt slutt", "en": "Planned end"},
    "experiments.planned_end.help": {
        "nb": "4–6 uker etter start (28–42 dager).",
        "en": "4–6 weeks after the start (28–42 days).",
    },
    "experiments.budget": {"nb": "Budsjett", "en": "Budget"},
    "experiments.kpi": {"nb": "Mål-KPI", "en": "Target KPI"},
    "experiments.target_value": {"nb": "Målverdi (valgfritt)", "en": "Target value (optional)"},
    "experiments.target_value.help": {
        "nb": "Tom: bruker målet som gjelder for kanalen.",
        "en": "Empty: uses the target in force for the channel.",
    },
    "experiments.register": {"nb": "Registrer", "en": "Register"},
    "experiments.registered": {"nb": "Eksperimentet {name} er registrert.", "en": "Experiment {name} is registered."},
    "experiments.list": {"nb": "Eksperimenter", "en": "Experiments"},
    "experiments.empty": {
        "nb": "Ingen eksperimenter ennå. Registrer ett her, eller gjør en idé i ICE-listen om til et eksperiment.",
        "en": "No experiments yet. Register one here, or turn an idea from the ICE backlog into one.",
    },
    "experiments.col.name": {"nb": "Navn", "en": "Name"},
    "experiments.col.scope": {"nb": "Kanal / kampanje", "en": "Channel / campaign"},
    "experiments.col.clock": {"nb": "Uke", "en": "Week"},
    "experiments.col.dates": {"nb": "Periode", "en": "Period"},
    "experiments.col.budget": {"nb": "Budsjett", "en": "Budget"},
    "experiments.col.status": {"nb": "Status", "en": "Status"},
    "experiments.col.verdict": {"nb": "Anbefaling", "en": "Verdict"},
    "experiments.status.running": {"nb": "Pågår", "en": "Running"},
    "experiments.status.scaled": {"nb": "Skalert", "en": "Scaled"},
    "experiments.status.cut": {"nb": "Kuttet", "en": "Cut"},
    "experiments.status.kept": {"nb": "Beholdt", "en": "Kept"},
    "experiments.status.stopped": {"nb": "Stoppet", "en": "Stopped"},
    "experiments.close": {"nb": "Avslutt et eksperiment", "en": "Close an experiment"},
    "experiments.close.which": {"nb": "Eksperiment", "en": "Experiment"},
    "experiments.close.outcome": {"nb": "Utfall", "en": "Outcome"},
    "experiments.close.save": {"nb": "Lagre utfall", "en": "Save outcome"},
    "experiments.close.saved": {"nb": "Lagret.", "en": "Saved."},
    "experiments.err.name": {"nb": "Gi eksperimentet et navn.", "en": "Give the experiment a name."},
    "experiments.err.channel": {"nb": "Velg kanalen eksperimentet kjører i.", "en": "Pick the channel the experiment runs in."},
    "experiments.err.length": {
        "nb": "Et eksperiment skal vare 4–6 uker, så det rekker å gi svar uten å binde budsjettet for lenge; "
              "denne perioden er {days} dager.",
        "en": "An experiment should run 4–6 weeks, long enough to give an answer without tying up the budget; "
              "this one is {days} days.",
    },
    "experiments.err.bucket": {"nb": "Ukjent budsjettpott: {bucket}.", "en": "Unknown budget bucket: {bucket}."},
    "experiments.err.kpi": {"nb": "Mål-KPI må være CPL eller ROAS.", "en": "The target KPI must be CPL or ROAS."},
    "experiments.err.budget": {"nb": "Budsjettet kan ikke være negativt.", "en": "The budget cannot be negative."},
    "experiments.err.target": {"nb": "Målverdien må være større enn 0.", "en": "The target value must be above 0."},
    "experiments.err.ice_item": {
        "nb": "Fant ikke ideen i ICE-listen (nr. {item_id}).",
        "en": "Could not find the ICE backlog item (no. {item_id}).",
    },
    "experiments.err.ice_channel": {
        "nb": "Ideen «{name}» har ingen kanal: velg kanalen eksperimentet skal kjøre i.",
        "en": "The idea “{name}” has no channel: pick the channel the experiment runs in.",
    },
    "experiments.no_workspace": {
        "nb": "Åpne et arbeidsområde for å registrere eksperimenter.",
        "en": "Open a workspace to register experiments.",
    },
    "experiments.no_channels": {
        "nb": "Ingen kanaler med data ennå; skriv inn kanalnavnet slik det står i annonsedataene.",
        "en": "No channels with data yet; type the channel name as it appears in the ad data.",
    },
}
