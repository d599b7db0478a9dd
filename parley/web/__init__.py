"""The dashboard: ``parley serve``, a small ASGI app (Starlette, uvicorn) over a store.

    store (DuckDB, read-only) -> web.store (one cursor per request)
      -> web.views.<page> (SQL, parameterised) -> Page -> HTML (Jinja2, autoescaped) or JSON

Modules: ``app`` (routes and middleware), ``store`` (the connection, which tables exist,
search), ``pages`` (the ``Page`` record, paging, parameters, rendering), ``security`` (headers,
same-origin writes, bidirectional-text controls), ``chart`` (the timeline drawn as SVG on the
server), ``analyzer`` (the analyze page's worker process), ``commands`` (the CLI) and one
module per page kind in ``views``. Templates and static files ship as package data; no page
loads anything from another host. The web reads the store and never imports a pipeline
stage; only the analyze page runs the pipeline, through ``parley.pipeline`` in a worker.
Nothing is imported here, so ``parley --help`` loads neither Starlette nor DuckDB.
"""
