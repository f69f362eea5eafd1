"""Outbound webhooks: signed events from an outbox, sent on the in-app timer.

- :mod:`.catalog`: the event types and endpoint subscriptions;
- :mod:`.payload`: the versioned JSON body (and the Numo-compatible one);
- :mod:`.signing`: Standard Webhooks signatures (and the optional BTCPay one);
- :mod:`.outbox`: writes events in the transaction of the change they report;
- :mod:`.backoff`: the retry schedule;
- :mod:`.urls`: which receiver addresses are allowed;
- :mod:`.sender`: the HTTP delivery of one endpoint's queue;
- :mod:`.service`: endpoints, history, redelivery and the timer's round.
"""
