"""Training mode: a play-money till with its own data directory and a local test mint.

Nothing here touches the shop's wallet: the training wallet lives in
``<data dir>/training`` and trusts only a nutshell mint (FakeWallet Lightning, which
"pays" every invoice at once) started on 127.0.0.1 for it.
"""
