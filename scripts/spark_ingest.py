"""``spark-submit`` entry point: ``parley ingest --engine spark`` with spark-submit's master.

    spark-submit [spark options] scripts/spark_ingest.py --out PATH SOURCE... [ingest options]

Every argument after the script is ``parley ingest``'s (``--engine spark`` is implied;
``--master`` is spark-submit's own). The README's "Running on a cluster" has the full line.
"""

import sys

from parley.cli import main

if __name__ == "__main__":
    main(["ingest", "--engine", "spark", *sys.argv[1:]])
