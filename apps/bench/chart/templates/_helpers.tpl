{{/*
Helpers of the bench chart. Each template ranges over environments × services (or tenants) and applies the same
defaulting cloudlab does: stage presets from the environment, per-environment overrides, scaling precedence.
*/}}

{{/* Labels of a service's objects. Argument: the service. */}}
{{- define "bench.labels" -}}
app.kubernetes.io/managed-by: cloudlab
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: {{ .tenant }}
platform.cloud-lab.io/team: {{ .team }}
{{- end }}

{{/* Labels of one version's workload objects (Deployment, StatefulSet, HPA, PDB). Argument: the service. */}}
{{- define "bench.workloadLabels" -}}
{{ include "bench.labels" . }}
version: v1
{{- end }}

{{/*
The call graph as YAML, built once per template: `callers` maps "tenant/name" to the sorted keys of the services
calling it; `accounts` maps each key to its ServiceAccount. Argument: the root context.
*/}}
{{- define "bench.callGraph" -}}
{{- $callers := dict -}}
{{- $accounts := dict -}}
{{- range $svc := .Values.services -}}
{{- $self := printf "%s/%s" $svc.tenant $svc.name -}}
{{- $_ := set $accounts $self ($svc.serviceAccountName | default $svc.name) -}}
{{- range $call := $svc.calls -}}
{{- $key := ternary $call (printf "%s/%s" $svc.tenant $call) (contains "/" $call) -}}
{{- $_ := set $callers $key (append (get $callers $key | default list) $self) -}}
{{- end -}}
{{- end -}}
{{- range $key, $list := $callers }}{{ $_ := set $callers $key ($list | sortAlpha) }}{{ end -}}
{{- toYaml (dict "callers" $callers "accounts" $accounts) -}}
{{- end }}

{{/* A service's calls as sorted "tenant/name" keys. Argument: the service. */}}
{{- define "bench.callees" -}}
{{- $to := list -}}
{{- range $call := .calls }}{{ $to = append $to (ternary $call (printf "%s/%s" $.tenant $call) (contains "/" $call)) }}{{ end -}}
{{- toYaml (dict "keys" ($to | sortAlpha)) -}}
{{- end }}

{{/* Labels of a tenant-wide object. Argument: the tenant. */}}
{{- define "bench.tenantLabels" -}}
app.kubernetes.io/managed-by: cloudlab
app.kubernetes.io/part-of: {{ .name }}
platform.cloud-lab.io/team: {{ .team }}
{{- end }}

{{/* The environment's override of a service, as YAML (empty when none). Argument: dict env svc. */}}
{{- define "bench.override" -}}
{{- $overrides := .env.overrides | default dict -}}
{{- $ov := get $overrides (printf "%s/%s" .svc.tenant .svc.name) | default (get $overrides .svc.name) | default dict -}}
{{- toYaml $ov -}}
{{- end }}

{{/* "true" when the service does not run in the environment (disabled, or a stateful service absent from DR). */}}
{{- define "bench.skip" -}}
{{- if .ov.disabled }}true
{{- else if and (eq .env.role "dr") (eq (.svc.workload | default "stateless") "stateful") (eq (.svc.disasterRecovery | default "warm-standby") "absent") }}true
{{- end -}}
{{- end }}

{{/*
The service's scaling in one environment, as YAML: `kind: fixed` with replicas, or `kind: autoscaled` with the HPA's
figures. The override's replicas/autoscaling replace the service's; fixed replicas win; else autoscaling when the
environment autoscales (capped by maxReplicasCap); else the environment's default count. Argument: dict env svc ov.
*/}}
{{- define "bench.scaling" -}}
{{- $svc := .svc -}}{{- $env := .env -}}{{- $ov := .ov -}}
{{- $replicas := $svc.replicas -}}
{{- $auto := $svc.autoscaling -}}
{{- if or (hasKey $ov "replicas") (hasKey $ov "autoscaling") -}}
{{- $replicas = $ov.replicas -}}
{{- $auto = dict -}}
{{- if hasKey $ov "autoscaling" }}{{ $auto = merge (dict) $ov.autoscaling ($svc.autoscaling | default dict) }}{{ end -}}
{{- end -}}
{{- if not (kindIs "invalid" $replicas) -}}
kind: fixed
replicas: {{ $replicas }}
most: {{ $replicas }}
{{- else if or (not $auto) (not $env.autoscaling) (eq ($svc.workload | default "stateless") "stateful") -}}
kind: fixed
replicas: {{ $env.replicas }}
most: {{ $env.replicas }}
{{- else -}}
{{- $max := int $auto.maxReplicas -}}
{{- if $env.maxReplicasCap }}{{ $max = min $max (int $env.maxReplicasCap) }}{{ end -}}
{{- $behavior := $auto.behavior | default dict -}}
kind: autoscaled
minReplicas: {{ min (int $auto.minReplicas) $max }}
maxReplicas: {{ $max }}
most: {{ $max }}
cpuTargetPercent: {{ $auto.cpuTargetPercent | default 70 }}
{{- with $auto.memoryTargetPercent }}
memoryTargetPercent: {{ . }}
{{- end }}
scaleUpStabilizationSeconds: {{ $behavior.scaleUpStabilizationSeconds | default 0 }}
scaleUpPercentPer15s: {{ $behavior.scaleUpPercentPer15s | default 200 }}
scaleUpPodsPer15s: {{ $behavior.scaleUpPodsPer15s | default 10 }}
scaleDownStabilizationSeconds: {{ if hasKey $behavior "scaleDownStabilizationSeconds" }}{{ $behavior.scaleDownStabilizationSeconds }}{{ else }}300{{ end }}
scaleDownPercentPerMinute: {{ $behavior.scaleDownPercentPerMinute | default 10 }}
{{- end -}}
{{- end }}

{{/* The Service port name Istio wants: <protocol>-<name> unless the name already says it. Argument: a port. */}}
{{- define "bench.portName" -}}
{{- if or (eq .name .protocol) (hasPrefix (printf "%s-" .protocol) .name) }}{{ .name }}{{ else }}{{ .protocol }}-{{ .name }}{{ end -}}
{{- end }}

{{/* A probe. Argument: the probe spec. */}}
{{- define "bench.probe" -}}
failureThreshold: {{ .failureThreshold | default 3 }}
{{- if .http }}
httpGet:
  path: {{ .http.path }}
  port: {{ .http.port }}
  {{- with .http.headers }}
  httpHeaders:
    {{- range $name, $value := . }}
    - name: {{ $name }}
      value: {{ $value | quote }}
    {{- end }}
  {{- end }}
{{- else if .grpc }}
grpc:
  port: {{ .grpc.port }}
  {{- with .grpc.service }}
  service: {{ . }}
  {{- end }}
{{- end }}
initialDelaySeconds: {{ .initialDelaySeconds | default 0 }}
periodSeconds: {{ .periodSeconds | default 10 }}
successThreshold: 1
{{- if .tcp }}
tcpSocket:
  port: {{ .tcp.port }}
{{- end }}
timeoutSeconds: {{ .timeoutSeconds | default 1 }}
{{- end }}

{{/* One emptyDir name per writable path: /var/cache/nginx → writable-var-cache-nginx. Argument: the path. */}}
{{- define "bench.writableName" -}}
{{- $slug := regexReplaceAll "[^a-zA-Z0-9]+" . "-" | trimAll "-" | lower | default "root" -}}
{{- printf "writable-%s" $slug | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* The pod template of a Deployment or StatefulSet: Pod Security Standards "restricted". Argument: dict env svc ov. */}}
{{- define "bench.podTemplate" -}}
{{- $svc := .svc -}}{{- $env := .env -}}{{- $ov := .ov -}}
{{- $image := merge (dict) ($ov.image | default dict) $svc.image -}}
{{- $resources := $svc.resources | default $env.resources -}}
{{- $security := $svc.security | default dict -}}
{{- $group := $security.runAsGroup | default 1000 -}}
{{- $sidecar := $env.sidecarResources -}}
{{- $container := $svc.containerName | default "server" -}}
metadata:
  annotations:
    kubectl.kubernetes.io/default-container: {{ $container }}
    sidecar.istio.io/proxyCPU: {{ $sidecar.requests.cpu | quote }}
    sidecar.istio.io/proxyCPULimit: {{ $sidecar.limits.cpu | quote }}
    sidecar.istio.io/proxyMemory: {{ $sidecar.requests.memory | quote }}
    sidecar.istio.io/proxyMemoryLimit: {{ $sidecar.limits.memory | quote }}
  labels:
    app: {{ $svc.name }}
    {{- include "bench.labels" $svc | nindent 4 }}
    version: v1
spec:
  automountServiceAccountToken: {{ hasKey $svc "apiAccess" }}
  containers:
    - {{- with $svc.env }}
      env:
        {{- range . }}
        - name: {{ .name }}
          {{- if hasKey . "value" }}
          value: {{ .value | quote }}
          {{- else if .secretKeyRef }}
          valueFrom:
            secretKeyRef:
              key: {{ .secretKeyRef.key }}
              name: {{ .secretKeyRef.name }}
          {{- else if .configMapKeyRef }}
          valueFrom:
            configMapKeyRef:
              key: {{ .configMapKeyRef.key }}
              name: {{ .configMapKeyRef.name }}
          {{- else }}
          valueFrom:
            fieldRef:
              fieldPath: {{ .fieldPath }}
          {{- end }}
        {{- end }}
      {{- end }}
      image: {{ $image.repository }}{{ with $image.tag }}:{{ . }}{{ end }}{{ with $image.digest }}@{{ . }}{{ end }}
      imagePullPolicy: IfNotPresent
      {{- with $svc.preStopSleepSeconds }}
      lifecycle:
        preStop:
          exec:
            command:
              - sleep
              - {{ . | quote }}
      {{- end }}
      {{- with $svc.probes }}
      livenessProbe:
        {{- include "bench.probe" .liveness | nindent 8 }}
      {{- end }}
      name: {{ $container }}
      {{- with $svc.ports }}
      ports:
        {{- range . }}
        - containerPort: {{ .targetPort | default .port }}
          name: {{ .name }}
          protocol: TCP
        {{- end }}
      {{- end }}
      {{- with $svc.probes }}
      readinessProbe:
        {{- include "bench.probe" .readiness | nindent 8 }}
      {{- end }}
      resources:
        limits:
          cpu: {{ $resources.limits.cpu | quote }}
          memory: {{ $resources.limits.memory | quote }}
        requests:
          cpu: {{ $resources.requests.cpu | quote }}
          memory: {{ $resources.requests.memory | quote }}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          {{- if $security.bindLowPorts }}
          add:
            - NET_BIND_SERVICE
          {{- end }}
          drop:
            - ALL
        privileged: false
        readOnlyRootFilesystem: true
        runAsNonRoot: true
      {{- with $svc.probes }}{{ with .startup }}
      startupProbe:
        {{- include "bench.probe" . | nindent 8 }}
      {{- end }}{{ end }}
      {{- if or $svc.storage $security.writablePaths }}
      volumeMounts:
        {{- with $svc.storage }}
        - mountPath: {{ .mountPath }}
          name: data
        {{- end }}
        {{- range $security.writablePaths }}
        - mountPath: {{ . }}
          name: {{ include "bench.writableName" . }}
        {{- end }}
      {{- end }}
  enableServiceLinks: false
  securityContext:
    {{- if $svc.storage }}
    fsGroup: {{ $group }}
    fsGroupChangePolicy: OnRootMismatch
    {{- end }}
    runAsGroup: {{ $group }}
    runAsNonRoot: true
    runAsUser: {{ $security.runAsUser | default 1000 }}
    seccompProfile:
      type: RuntimeDefault
  serviceAccountName: {{ $svc.serviceAccountName | default $svc.name }}
  terminationGracePeriodSeconds: {{ $svc.terminationGracePeriodSeconds | default 30 }}
  {{- if $env.topologySpread }}
  topologySpreadConstraints:
    {{- /* Zones required (a zone outage takes at most its share), nodes preferred (never blocks a scale-up). */}}
    {{- range list (list "topology.kubernetes.io/zone" "DoNotSchedule") (list "kubernetes.io/hostname" "ScheduleAnyway") }}
    - labelSelector:
        matchLabels:
          app.kubernetes.io/name: {{ $svc.name }}
          version: v1
      maxSkew: 1
      topologyKey: {{ index . 0 }}
      whenUnsatisfiable: {{ index . 1 }}
    {{- end }}
  {{- end }}
  {{- with $security.writablePaths }}
  volumes:
    {{- range . }}
    - emptyDir: {}
      name: {{ include "bench.writableName" . }}
    {{- end }}
  {{- end }}
{{- end }}

{{/* The Service ports. Argument: the service. */}}
{{- define "bench.servicePorts" -}}
{{- range .ports }}
- appProtocol: {{ .protocol }}
  name: {{ include "bench.portName" . }}
  port: {{ .port }}
  protocol: TCP
  targetPort: {{ .targetPort | default .port }}
{{- end }}
{{- end }}
