-- Version 7: the canonical facts summed per ISO week (see warehouse/rollup.py), so a week's KPIs
-- and a campaign's weekly series are read from a few thousand rows instead of the raw facts.
-- Filled right after this migration and kept in step by every writer of the fact tables.

CREATE TABLE fact_weeks (
    fam           VARCHAR NOT NULL,   -- ad, ga4, crm_lead, crm_won, cost
    bucket_start  DATE NOT NULL,      -- the ISO week's Monday, or a block row's own period_start
    bucket_end    DATE NOT NULL,      -- that Sunday, or the block's period_end
    source        VARCHAR,            -- ad platform (ad rows)
    campaign      VARCHAR,            -- as written in the source
    campaign_type VARCHAR,            -- ad rows
    channel       VARCHAR,            -- the row's own: platform channel, GA4 channel group, CRM channel, cost channel
    ncamp         VARCHAR,            -- normalised campaign name (GA4 and CRM rows, for the campaign join)
    currency      VARCHAR,
    has_rate      BOOLEAN NOT NULL,   -- false: no rate to the workspace currency; m_* money is NULL
    n             BIGINT NOT NULL,    -- fact rows summed
    m_spend DOUBLE, m_impr DOUBLE, m_clicks DOUBLE, m_conv DOUBLE, m_value DOUBLE,
    m_sessions DOUBLE, m_ga_leads DOUBLE, m_ga_revenue DOUBLE, m_purchases DOUBLE,
    m_crm_leads DOUBLE, m_customers DOUBLE, m_crm_revenue DOUBLE, m_costs DOUBLE,
    native_spend  DOUBLE,             -- spend in the row currency (which campaign name wins a join)
    native_money  DOUBLE              -- all money in the row currency (rows left out for a missing rate)
);

-- Spend per ad campaign over all history (in the row currency): which channel each campaign is
-- in, and which campaign a GA4 or CRM campaign name joins, without summing every ad row.
CREATE TABLE ad_campaign_spend (
    source        VARCHAR NOT NULL,
    campaign      VARCHAR NOT NULL,
    campaign_type VARCHAR,
    row_channel   VARCHAR NOT NULL,
    spend         DOUBLE
);
