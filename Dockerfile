# TRD Map, one replica per container: the same `streamlit run` that scripts/cluster starts on
# loopback. compose.yaml puts N of these behind HAProxy with PostgreSQL. Nothing is fetched at run
# time: packages are installed here, and the app loads nothing from outside the container.
FROM python:3.11-slim-bookworm

# WeasyPrint draws the PDF exports with Pango; DejaVu and Liberation are the fonts it embeds
# (the runtime libraries scripts/setup installs).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
      fonts-dejavu-core fonts-liberation2 \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt

# Content and code belong to root and are only readable by the app's user: an edit means a new
# image and a rolling restart (README, "Deploying TRD Map").
COPY pyproject.toml streamlit_app.py ./
COPY .streamlit .streamlit
COPY static static
COPY data data
COPY components components
COPY app_pages app_pages
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/trdmap trdmap
USER trdmap
# Only used when TRD_MAP_DATABASE_URL is unset (a single container with SQLite); compose sets it.
ENV TRD_MAP_DATA_HOME=/home/trdmap/var TRD_MAP_REPLICA=""

EXPOSE 8501
# The same readiness check HAProxy makes: Streamlit answers "ok" once it serves.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2).read() != b'ok')"]
CMD ["python", "-m", "streamlit", "run", "streamlit_app.py", "--server.address", "0.0.0.0", \
     "--server.port", "8501", "--server.headless", "true"]
