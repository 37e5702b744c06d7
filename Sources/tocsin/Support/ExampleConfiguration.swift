/// The documented example `tocsin.yaml` (`tocsin config example`). Its detection, rules,
/// alerting and remediation sections are also what `tocsin demo` runs.
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

    rules:                       # static rules beside the detectors, on the same stream
      - name: high_cpu
        severity: critical
        metric: {match: {name: cpu_utilization}, above: 97, for: 10m}
      - name: brute_force        # a burst of failed logins from one address
        severity: critical
        log_burst: {match: {fields: {event: auth_failure}}, group_by: [source_ip], count: 20, window: 5m}
      - name: error_rate         # more than half of a service's log records at error or above
        severity: warning
        log_ratio: {match: {level: error}, group_by: [service], ratio: 0.5, min_events: 50, window: 5m}

    alerting:
      route:                     # Alertmanager's model: grouped, deduplicated, repeated, silenced
        receiver: console
        group_by: [service]
        group_wait: 30s
        group_interval: 5m
        repeat_interval: 4h
        # routes:
        #   - match: {severity: critical}
        #     receiver: pager
      receivers:
        - name: console
          console: true
        # - name: pager
        #   slack: {url: "${SLACK_WEBHOOK_URL}"}
        #   alertmanager: {url: http://127.0.0.1:9093}
        #   sns: {topic_arn: "arn:aws:sns:eu-west-1:123456789012:oncall"}
        #   email: {host: smtp.gmail.com, username: me@example.com, password: "${SMTP_PASSWORD}",
        #           from: me@example.com, to: [oncall@example.com]}
      root_cause:                # logs around an anomaly: templates whose rate changed most
        baseline: 1h
        window: 5m
        # cloudwatch_logs: {groups: [/app/web], pattern: "?ERROR ?Exception"}

    remediation:                 # simulated (dry run) unless execute: true, and then only on allow-listed targets
      execute: false
      # allow: [i-0abc*]
      max_actions_per_hour: 10
      policies:
        - name: runaway-cpu      # CPU pinned at normal traffic: restart the instance
          match: {alert: anomaly, name: cpu_utilization}
          action: reboot_instance
          cooldown: 30m
          verify: 10m            # escalate when the series has not recovered by then
        - name: memory-leak
          match: {alert: anomaly, name: memory_utilization}
          action: reboot_instance
          cooldown: 1h
          approval: true         # waits for POST /v1/actions/{id}/approve
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
