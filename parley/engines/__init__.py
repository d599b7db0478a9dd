"""Engines run the pipeline over many documents: ``local`` (worker processes on this
machine, results in input order to one writer) and ``spark`` (``mapPartitions`` on Apache
Spark, Parquet out; ``spark_session``, ``spark_inputs``, ``spark_tasks``, ``spark_dedup``
and ``spark_tables`` beside it). Nothing is imported here: PySpark is an optional extra."""
