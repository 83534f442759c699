{{/*
Helpers of the bench chart. Each template ranges over environments × services (or tenants) and applies the same
defaulting cloudlab does: stage presets from the environment, per-environment overrides, scaling precedence, the DR
standby. The add-ons are in _addons.tpl, the PromQL and dashboard helpers in _monitoring.tpl.
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

{{/* Labels of a platform-owned object that belongs to no tenant. Argument: none used. */}}
{{- define "bench.platformLabels" -}}
app.kubernetes.io/managed-by: cloudlab
app.kubernetes.io/part-of: platform
{{- end }}

{{/* Labels of a tenant-wide object. Argument: the tenant. */}}
{{- define "bench.tenantLabels" -}}
app.kubernetes.io/managed-by: cloudlab
app.kubernetes.io/part-of: {{ .name }}
platform.cloud-lab.io/team: {{ .team }}
{{- end }}

{{/*
Argo CD's sync annotations on an object of a synced folder (nothing when the environment is not delivered by Argo CD):
its sync wave by kind (namespaces first, then identities, quotas and policies, then Services, workloads, routes),
Prune=false on namespaces and volume claims, SkipDryRunOnMissingResource on custom resources whose CRD an add-on
installs in the same sync. Argument: dict env kind apiVersion, and optionally `extra`, the object's own annotations;
renders `annotations:` and its entries (nothing when there are none).
*/}}
{{- define "bench.syncAnnotations" -}}
{{- if or .env.delivery.argocd .extra -}}
{{- $annotations := .extra | default dict -}}
{{- if .env.delivery.argocd -}}
{{- $waves := dict "Namespace" -3 "CustomResourceDefinition" -3 "ServiceAccount" -2 "Role" -2 "RoleBinding" -2 "ResourceQuota" -2 "LimitRange" -2 "NetworkPolicy" -2 "PeerAuthentication" -2 "AuthorizationPolicy" -2 "Sidecar" -2 "Telemetry" -2 "ClusterSecretStore" -2 "ClusterIssuer" -2 "ConfigMap" -1 "ExternalSecret" -1 "Certificate" -1 "Service" -1 "DestinationRule" -1 "VirtualService" 1 "Gateway" 1 "HTTPRoute" 1 -}}
{{- $crdGroups := list "networking.istio.io" "security.istio.io" "telemetry.istio.io" "gateway.networking.k8s.io" "monitoring.coreos.com" "velero.io" "snapshot.storage.k8s.io" "external-secrets.io" "cert-manager.io" -}}
{{- $options := list -}}
{{- if has .kind (list "Namespace" "PersistentVolumeClaim") }}{{ $options = append $options "Prune=false" }}{{ end -}}
{{- if and (contains "/" .apiVersion) (has (index (splitList "/" .apiVersion) 0) $crdGroups) }}{{ $options = append $options "SkipDryRunOnMissingResource=true" }}{{ end -}}
{{- $annotations = merge (dict "argocd.argoproj.io/sync-wave" (get $waves .kind | default 0 | toString)) $annotations -}}
{{- with $options }}{{ $_ := set $annotations "argocd.argoproj.io/sync-options" (join "," .) }}{{ end -}}
{{- end }}
annotations:
  {{- toYaml $annotations | nindent 2 }}
{{- end -}}
{{- end }}

{{/*
The environment's peers, the other environments of its stage (the clusters it fails over to), as YAML under `peers`.
Argument: dict root env.
*/}}
{{- define "bench.peers" -}}
{{- $peers := list -}}
{{- range $other := .root.Values.environments -}}
{{- if and (eq $other.stage $.env.stage) (ne $other.name $.env.name) -}}
{{- $peers = append $peers (dict "name" $other.name "region" $other.cluster.region "role" $other.cluster.role "network" $other.cluster.network) -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "peers" $peers) -}}
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
{{- else if and (eq .env.cluster.role "dr") (eq (.svc.workload | default "stateless") "stateful") (eq (.svc.disasterRecovery | default "warm-standby") "absent") }}true
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
{{- $least := int $auto.minReplicas -}}
{{- /* A DR cluster keeps a warm standby (a share of the minimum, at least one pod) unless the override sets the minimum. */ -}}
{{- if and (eq $env.cluster.role "dr") (not (hasKey ($ov.autoscaling | default dict) "minReplicas")) -}}
{{- $least = max 1 (ceil (divf (mulf $least $env.drMinReplicasPercent) 100) | int) -}}
{{- end -}}
kind: autoscaled
minReplicas: {{ min $least $max }}
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

{{/*
The service's container resources in one environment: its own (else the stage's), with the override's requests and
limits merged over them, as YAML. Argument: dict env svc ov.
*/}}
{{- define "bench.resources" -}}
{{- $base := .svc.resources | default .env.resources -}}
{{- $ov := .ov.resources | default dict -}}
requests: {{ merge (dict) ($ov.requests | default dict) $base.requests | toJson }}
limits: {{ merge (dict) ($ov.limits | default dict) $base.limits | toJson }}
{{- end }}

{{/*
A Kubernetes quantity in base units (cores, bytes), e.g. 100m → 0.1, 64Mi → 67108864: decimal suffixes multiply or
divide by their power of ten, binary ones multiply by their power of two. Argument: the quantity string.
*/}}
{{- define "bench.quantity" -}}
{{- $number := regexFind "^[+]?[0-9.]+" . -}}
{{- $suffix := trimPrefix $number . -}}
{{- $multiply := dict "Ki" 1024 "Mi" 1048576 "Gi" 1073741824 "Ti" 1099511627776 "Pi" 1125899906842624 "Ei" 1152921504606846976 "k" 1000 "M" 1000000 "G" 1000000000 "T" 1000000000000 "P" 1000000000000000 "E" 1000000000000000000 -}}
{{- $divide := dict "n" 1000000000 "u" 1000000 "m" 1000 -}}
{{- if hasKey $multiply $suffix }}{{ mulf (float64 $number) (get $multiply $suffix) }}
{{- else if hasKey $divide $suffix }}{{ divf (float64 $number) (get $divide $suffix) }}
{{- else }}{{ float64 . }}{{ end -}}
{{- end }}

{{/* The pod template of a Deployment or StatefulSet: Pod Security Standards "restricted". Argument: dict env svc ov. */}}
{{- define "bench.podTemplate" -}}
{{- $svc := .svc -}}{{- $env := .env -}}{{- $ov := .ov -}}
{{- $image := merge (dict) ($ov.image | default dict) $svc.image -}}
{{- $resources := include "bench.resources" . | fromYaml -}}
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

{{/*
The stateful services running in an environment, by tenant, as YAML under `byTenant` (tenant → sorted names).
Argument: dict root env.
*/}}
{{- define "bench.statefulByTenant" -}}
{{- $byTenant := dict -}}
{{- range $svc := .root.Values.services -}}
{{- if eq ($svc.workload | default "stateless") "stateful" -}}
{{- $ov := include "bench.override" (dict "env" $.env "svc" $svc) | fromYaml -}}
{{- if not (include "bench.skip" (dict "env" $.env "svc" $svc "ov" $ov)) -}}
{{- $_ := set $byTenant $svc.tenant (append (get $byTenant $svc.tenant | default list) $svc.name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $tenant, $names := $byTenant }}{{ $_ := set $byTenant $tenant ($names | sortAlpha) }}{{ end -}}
{{- toYaml (dict "byTenant" $byTenant) -}}
{{- end }}

{{/* An Argo CD Application's sync policy: automated with pruning and self-heal, retried; server-side apply when asked. */}}
{{- define "bench.applicationSyncPolicy" -}}
automated:
  allowEmpty: false
  prune: true
  selfHeal: true
retry:
  backoff:
    duration: 10s
    factor: 2
    maxDuration: 5m
  limit: 10
syncOptions:
  - CreateNamespace=false
  {{- if . }}
  - ServerSideApply=true
  {{- end }}
{{- end }}

{{/*
The Pod Security labels of a namespace (enforced, audited and warned at one level, pinned to the cluster's Kubernetes
minor version), as YAML under `labels`, with the reason under `annotations` when the level is below restricted.
Platform namespaces default to restricted; those whose add-ons need more are listed here (the ingress gateway's is
baseline, for the reason in $gateway). Argument: dict env namespace.
*/}}
{{- define "bench.podSecurity" -}}
{{- $gateway := "the Istio gateway pods set no seccompProfile, which restricted requires; they need nothing beyond baseline (the net.ipv4.ip_unprivileged_port_start sysctl is a baseline-safe one)" -}}
{{- $levels := dict
  "istio-system" (dict "level" "baseline" "reason" (printf "istiod (and, in a stage of several clusters, the east-west gateway) set no seccompProfile, which restricted requires; %s" (regexReplaceAll "^.*?they need" $gateway "they need")))
  "logging" (dict "level" "privileged" "reason" "fluent-bit (a DaemonSet) reads every container's logs from the node: hostPath /var/log and /var/lib/docker/containers")
  "monitoring" (dict "level" "privileged" "reason" "kube-prometheus-stack's node exporter (a DaemonSet) shares the node's network and PID namespaces and mounts its /proc, /sys and root file system")
  "tracing" (dict "level" "baseline" "reason" "the jaeger chart's pods set no seccompProfile, runAsNonRoot or dropped capabilities, which restricted requires; they need no host access")
  "velero" (dict "level" "privileged" "reason" "Velero's node agent (a DaemonSet) reads and writes pod volumes through the node's hostPath /var/lib/kubelet/pods, as root") -}}
{{- $security := get $levels .namespace | default (dict "level" "restricted") -}}
{{- $version := printf "v%s" .env.versions.kubernetes -}}
{{- $labels := dict -}}
{{- range $mode := list "enforce" "audit" "warn" -}}
{{- $_ := set $labels (printf "pod-security.kubernetes.io/%s" $mode) $security.level -}}
{{- $_ := set $labels (printf "pod-security.kubernetes.io/%s-version" $mode) $version -}}
{{- end -}}
{{- $out := dict "labels" $labels -}}
{{- with $security.reason }}{{ $_ := set $out "annotations" (dict "platform.cloud-lab.io/pod-security-reason" .) }}{{ end -}}
{{- toYaml $out -}}
{{- end }}
