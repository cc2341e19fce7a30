-- An order.create may carry an idempotency key: a retry, or a request whose answer came too late for the caller
-- (the IVR gives up after a few seconds and hands the call to an operator), finds the order instead of making a
-- second one. The IVR's key is ivr:<Asterisk Uniqueid>:<key pressed>.
ALTER TABLE service_orders ADD COLUMN request_key text UNIQUE;
