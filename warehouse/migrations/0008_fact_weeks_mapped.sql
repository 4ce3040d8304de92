-- Version 8: the weekly rollup keeps each row's channel, platform and campaign as the reports
-- show them (the channel map and the GA4/CRM-to-campaign join applied), so a read needs no join,
-- and each ad campaign's first day with spend. Refilled right after this migration.

ALTER TABLE fact_weeks ADD COLUMN first_spend DATE;         -- ad rows: the first day with spend > 0 in the bucket
ALTER TABLE fact_weeks ADD COLUMN mapped_channel VARCHAR;   -- the channel the row counts in
ALTER TABLE fact_weeks ADD COLUMN mapped_source VARCHAR;    -- the ad platform (GA4/CRM rows: of the joined campaign)
ALTER TABLE fact_weeks ADD COLUMN mapped_campaign VARCHAR;  -- the campaign name the row counts under
ALTER TABLE fact_weeks ADD COLUMN paid BOOLEAN;             -- the channel is paid media

ALTER TABLE ad_campaign_spend ADD COLUMN first_spend DATE;  -- the campaign's first day with spend > 0
