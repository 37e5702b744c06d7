/// The documented example `tocsin.yaml` (`tocsin config example`). Its detection section
/// is also what `tocsin demo` runs.
enum ExampleConfiguration {
    static let yaml = """
    # tocsin.yaml: run with `tocsin serve --config tocsin.yaml`; check with `tocsin config check tocsin.yaml`.
    # Values may use ${VARIABLE} or ${VARIABLE:-fallback} from the environment, for secrets.

    server:
      host: 127.0.0.1            # a non-loopback address needs a token (or insecure: true)
      port: 8080
      tokens: ["${TOCSIN_API_TOKEN:-}"]
      max_body_bytes: 10485760   # 10 MiB
      max_series: 100000         # new series past this are refused with 422
      queue_capacity: 1000000    # points waiting for detection before ingest answers 429

    store: sqlite:tocsin-data/tocsin.sqlite   # or postgres://tocsin:${PGPASSWORD}@127.0.0.1:5432/tocsin

    retention:
      keep: 30d                  # points, scores, logs and anomalies; incidents and models stay
      every: 1h

    detection:
      incident_gap: 10m          # anomalies on one service closer than this are one incident
      default:                   # for series no rule matches
        detector: default
      rules:                     # the first matching rule wins
        # Resource and error metrics are expected from the instance's request rate, so a
        # traffic surge explains the CPU, latency and memory it brings; the same rise at
        # normal traffic is an anomaly. Two scores over the threshold in a row raise one.
        - match: {name: cpu_utilization}
          detector: context-regression
          context: request_rate
          consecutive: 2
        - match: {name: memory_utilization}
          detector: context-regression
          context: request_rate
          consecutive: 2
        - match: {name: latency_ms}
          detector: context-regression
          context: request_rate
          consecutive: 2
        - match: {name: error_rate}
          detector: context-regression
          context: request_rate
          consecutive: 2
        - match: {name: auth_failures}
          detector: context-regression
          context: request_rate
          consecutive: 2
        # Busy is not broken: traffic is scored but never alerts.
        - match: {name: request_rate}
          detector: context-regression
          params: {direction: down}
          alert: false

    remediation:                 # planned and printed as a dry run; real execution comes with the AWS connector
      execute: false
      max_actions_per_hour: 10
      policies:
        - name: runaway-cpu      # CPU pinned at normal traffic: restart the instance
          match: {name: cpu_utilization}
          action: reboot_instance
          cooldown: 30m
        - name: memory-leak
          match: {name: memory_utilization}
          action: reboot_instance
          cooldown: 1h
        # - name: page-on-call
        #   action: webhook
        #   url: ${ONCALL_WEBHOOK_URL}

    sources:
      - type: synthetic          # the built-in cloud with injected incidents
        seed: 1
        interval: 1s             # wall-clock pause per simulated minute
      # - type: csv              # a timestamp,value export another job appends to
      #   path: /var/lib/export/cpu.csv
      #   series: cpu_utilization
      #   labels: {instance: i-0abc, service: api}
      #   interval: 5m
    """
}
