"""Gunicorn settings for Prestatiemonitor, read from the environment (docs/deployment.md).

Run from the project directory: `.venv/bin/gunicorn` (this file is picked up by its name).
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
# Behind a load balancer: GUNICORN_BIND=0.0.0.0:8000 so it can reach this server.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# The addresses of the proxies trusted to set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
# No control socket: nothing of the app server lives on local disk.
control_socket_disable = True
