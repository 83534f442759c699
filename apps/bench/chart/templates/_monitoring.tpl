{{/*
Monitoring helpers: the PromQL of a service's SLO alerts and dashboard (requests measured by its sidecars, pods and
workloads by kube-state-metrics and cAdvisor), numbers as PromQL writes them, and Grafana dashboard JSON.
*/}}

{{/* A number as PromQL (and the alert texts) write it: at most 12 decimals, no trailing zeros. Argument: a number. */}}
{{- define "bench.decimal" -}}
{{- regexReplaceAll "\\.?0+$" (printf "%.12f" (float64 .)) "" -}}
{{- end }}

{{/* The service's objectives with their defaults, as YAML. Argument: the service. */}}
{{- define "bench.slo" -}}
{{- $slo := (.observability | default dict).slo | default dict -}}
latencyP95Milliseconds: {{ $slo.latencyP95Milliseconds | default 100 }}
latencyForMinutes: {{ $slo.latencyForMinutes | default 10 }}
availabilityPercent: {{ $slo.availabilityPercent | default 99.9 }}
errorRatioPercent: {{ $slo.errorRatioPercent | default 5 }}
{{- end }}

{{/* Whether the Istio proxy measures the service's requests (an http, http2 or grpc port): "true" or empty. */}}
{{- define "bench.hasRequestMetrics" -}}
{{- range .ports }}{{ if ne .protocol "tcp" }}true{{ break }}{{ end }}{{ end -}}
{{- end }}

{{/* The requests the service's own sidecars report receiving, as PromQL label matchers. Argument: the service. */}}
{{- define "bench.promql.requests" -}}
reporter="destination",destination_service_namespace="{{ .tenant }}",destination_service_name="{{ .name }}"
{{- end }}

{{/* Requests per second over a window. Argument: dict m (the requests' matchers) window. */}}
{{- define "bench.promql.requestRate" -}}
sum(rate(istio_requests_total{ {{- .m -}} }[{{ .window }}]))
{{- end }}

{{/*
The share of requests that failed over a window: HTTP 5xx, or a gRPC server-side status (a gRPC failure answers 200).
Argument: dict m (the requests' matchers) window.
*/}}
{{- define "bench.promql.errorRatio" -}}
sum(rate(istio_requests_total{ {{- .m }},response_code=~"5.."}[{{ .window }}]) or rate(istio_requests_total{ {{- .m }},grpc_response_status=~"2|4|12|13|14|15"}[{{ .window }}])) / sum(rate(istio_requests_total{ {{- .m -}} }[{{ .window }}]))
{{- end }}

{{/* A quantile of the request duration in milliseconds over 5 minutes. Argument: dict m (the requests' matchers) quantile. */}}
{{- define "bench.promql.durationQuantile" -}}
histogram_quantile({{ .quantile }}, sum by (le) (rate(istio_request_duration_milliseconds_bucket{ {{- .m -}} }[5m])))
{{- end }}

{{/* The service's pods by name: a Deployment's `<name>-<hash>-<suffix>`, a StatefulSet's `<name>-<ordinal>`. */}}
{{- define "bench.promql.podPattern" -}}
({{ .name }})-{{ if eq (.workload | default "stateless") "stateful" }}[0-9]+{{ else }}[a-z0-9]+-[a-z0-9]+{{ end }}
{{- end }}

{{/*
`(ratio over long > threshold and ratio over short > threshold) or (…)`, the SRE workbook's multi-window burn-rate
condition. Argument: dict m (the requests' matchers) windows (a list of [long, short, factor]) budget.
*/}}
{{- define "bench.promql.burnRate" -}}
{{- $m := .m -}}{{- $budget := .budget -}}
{{- $conditions := list -}}
{{- range .windows -}}
{{- $threshold := printf "(%s * %s)" (index . 2) $budget -}}
{{- $conditions = append $conditions (printf "(\n  %s > %s\nand\n  %s > %s\n)" (include "bench.promql.errorRatio" (dict "m" $m "window" (index . 0))) $threshold (include "bench.promql.errorRatio" (dict "m" $m "window" (index . 1))) $threshold) -}}
{{- end -}}
{{- join "\nor\n" $conditions -}}
{{- end }}

{{/* The labels of a service's alert (Alertmanager groups and routes by them). Argument: dict svc severity. */}}
{{- define "bench.alertLabels" -}}
namespace: {{ .svc.tenant }}
service: {{ .svc.name }}
severity: {{ .severity }}
team: {{ .svc.team }}
tenant: {{ .svc.tenant }}
{{- end }}

{{/*
A Grafana dashboard's JSON model (panels two to a row, ids and positions from their order, not editable: Git is the
source), pretty-printed with sorted keys. Argument: dict uid title tags panels, each panel a dict title type unit
queries (each expr legendFormat) and optionally threshold and description.
*/}}
{{- define "bench.dashboardJson" -}}
{{- $datasource := dict "type" "prometheus" "uid" "prometheus" -}}
{{- $panels := list -}}
{{- range $i, $p := .panels -}}
{{- $defaults := dict "unit" $p.unit -}}
{{- if hasKey $p "threshold" }}{{ $_ := set $defaults "thresholds" (dict "mode" "absolute" "steps" (list (dict "color" "green") (dict "color" "red" "value" $p.threshold))) }}{{ end -}}
{{- if eq $p.type "timeseries" }}{{ $_ := set $defaults "custom" (dict "thresholdsStyle" (dict "mode" (ternary "line" "off" (hasKey $p "threshold")))) }}{{ end -}}
{{- $targets := list -}}
{{- range $j, $q := $p.queries }}{{ $targets = append $targets (dict "refId" (printf "%c" (add 65 $j)) "datasource" $datasource "expr" $q.expr "legendFormat" $q.legendFormat) }}{{ end -}}
{{- $options := dict "legend" (dict "displayMode" "list" "placement" "bottom") -}}
{{- if eq $p.type "piechart" }}{{ $options = dict "legend" (dict "displayMode" "table" "placement" "right" "values" (list "value")) "reduceOptions" (dict "calcs" (list "lastNotNull")) }}{{ end -}}
{{- $panel := dict "id" (add $i 1) "type" $p.type "title" $p.title "datasource" $datasource "gridPos" (dict "h" 8 "w" 12 "x" (mul (mod $i 2) 12) "y" (mul (div $i 2) 8)) "fieldConfig" (dict "defaults" $defaults "overrides" list) "options" $options "targets" $targets -}}
{{- with $p.description }}{{ $_ := set $panel "description" . }}{{ end -}}
{{- $panels = append $panels $panel -}}
{{- end -}}
{{- toPrettyJson (dict "uid" .uid "title" .title "tags" .tags "editable" false "schemaVersion" 39 "version" 1 "refresh" "30s" "time" (dict "from" "now-6h" "to" "now") "timezone" "utc" "annotations" (dict "list" list) "templating" (dict "list" list) "panels" $panels) -}}
{{- end }}

{{/* A Grafana uid from a readable key: the key when short enough (40), else its start and a digest of the whole. */}}
{{- define "bench.dashboardUid" -}}
{{- if le (len .) 40 }}{{ . }}{{ else }}{{ regexReplaceAll "-+$" (substr 0 31 .) "" }}-{{ sha256sum . | trunc 8 }}{{ end -}}
{{- end }}
