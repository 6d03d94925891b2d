-- The SMS second factor: the citizen confirmed, with a code, that the account's registered mobile number
-- reaches them. Only a keyed hash of that number is kept here, so a later change of the account's number
-- does not silently move the factor to an unconfirmed phone.
CREATE TABLE sms_factor (
    account_id UUID NOT NULL PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    mobile_hash VARCHAR(64) NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
