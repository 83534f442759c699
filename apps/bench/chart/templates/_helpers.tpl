{{/* Labels of a service's objects. Argument: the service. */}}
{{- define "bench.labels" -}}
app.kubernetes.io/managed-by: cloudlab
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: {{ .tenant }}
platform.cloud-lab.io/team: {{ .team }}
{{- end }}

{{/* The environment's override of a service, or an empty dict. Argument: dict env svc. Returns YAML. */}}
{{- define "bench.override" -}}
{{- $ov := get (.env.overrides | default dict) .svc.name | default dict -}}
{{- toYaml $ov -}}
{{- end }}

{{/*
The service's scaling in one environment, as YAML: fixed replicas, or autoscaled min/max/cpu.
Precedence as in cloudlab: the override's replicas/autoscaling replace the service's; fixed replicas win; else
autoscaling when the environment autoscales (capped), else the environment's default count.
Argument: dict env svc ov.
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
{{- else if or (not $auto) (not $env.autoscaling) (eq ($svc.workload | default "stateless") "stateful") -}}
kind: fixed
replicas: {{ $env.replicas }}
{{- else -}}
{{- $max := int $auto.maxReplicas -}}
{{- if $env.maxReplicasCap }}{{ $max = min $max (int $env.maxReplicasCap) }}{{ end -}}
kind: autoscaled
minReplicas: {{ min (int $auto.minReplicas) $max }}
maxReplicas: {{ $max }}
cpuTargetPercent: {{ $auto.cpuTargetPercent | default 70 }}
{{- with $auto.memoryTargetPercent }}
memoryTargetPercent: {{ . }}
{{- end }}
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

{{/* The pod template of a Deployment or StatefulSet. Argument: dict env svc ov. */}}
{{- define "bench.podTemplate" -}}
{{- $svc := .svc -}}{{- $env := .env -}}{{- $ov := .ov -}}
{{- $image := merge (dict) ($ov.image | default dict) $svc.image -}}
{{- $resources := $svc.resources | default $env.resources -}}
metadata:
  labels:
    app: {{ $svc.name }}
    {{- include "bench.labels" $svc | nindent 4 }}
    version: v1
spec:
  automountServiceAccountToken: false
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
      {{- with $svc.probes }}
      livenessProbe:
        {{- include "bench.probe" .liveness | nindent 8 }}
      {{- end }}
      name: {{ $svc.containerName | default "server" }}
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
          cpu: {{ $resources.limits.cpu }}
          memory: {{ $resources.limits.memory }}
        requests:
          cpu: {{ $resources.requests.cpu }}
          memory: {{ $resources.requests.memory }}
      {{- with $svc.probes }}{{ with .startup }}
      startupProbe:
        {{- include "bench.probe" . | nindent 8 }}
      {{- end }}{{ end }}
      {{- with $svc.storage }}
      volumeMounts:
        - mountPath: {{ .mountPath }}
          name: data
      {{- end }}
  serviceAccountName: {{ $svc.name }}
  terminationGracePeriodSeconds: {{ $svc.terminationGracePeriodSeconds | default 30 }}
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
