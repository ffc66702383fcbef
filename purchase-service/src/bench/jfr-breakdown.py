#!/usr/bin/env python3
"""Where purchase-service spends its CPU, from a JFR recording's execution samples.

    jfr print --stack-depth 80 --events jdk.ExecutionSample recording.jfr > samples.txt
    python3 purchase-service/src/bench/jfr-breakdown.py samples.txt

Each sample is attributed to the first category that matches a frame, walking from the leaf (the running method)
towards the thread's root, so the figures add up to 100%.
"""
import collections
import re
import sys

CATEGORIES = [
    ("Micrometer (observations, meters)", "io.micrometer"),
    ("Avro encoding (serializer, fingerprint)", "org.apache.avro"),
    ("JSON parse + bind (Jackson)", "tools.jackson"),
    ("validation", "Request.validate"),
    ("ingest code (ids, idempotency window, batch)", "io.loyaltypulse.purchase"),
    ("schemas serde", "io.loyaltypulse.schemas"),
    ("Kafka producer (request thread: partition, append)", "org.apache.kafka.clients.producer.KafkaProducer"),
    ("Kafka producer I/O thread", "org.apache.kafka"),
    ("Spring Security", "org.springframework.security"),
    ("Spring MVC / Spring Kafka", "org.springframework"),
    ("Tomcat (HTTP parsing, socket I/O)", "org.apache.tomcat"),
    ("Tomcat (HTTP parsing, socket I/O)", "org.apache.coyote"),
    ("Tomcat (HTTP parsing, socket I/O)", "org.apache.catalina"),
    ("logging", "ch.qos.logback"),
]


def main(path):
    counts = collections.Counter()
    samples = 0
    for event in open(path).read().split("jdk.ExecutionSample"):
        frames = re.findall(r"^\s+([\w.$<>/]+)\(", event, re.M)
        if not frames:
            continue
        samples += 1
        for frame in frames:
            category = next((name for name, pattern in CATEGORIES if pattern in frame), None)
            if category:
                counts[category] += 1
                break
        else:
            counts["JDK only (threads, GC glue)"] += 1
    print(f"{samples} samples")
    for name, count in counts.most_common():
        print(f"{100 * count / samples:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
