{{/*
The platform add-ons of an environment, in install order, as YAML under `addons`: each with its namespace, pinned
source (a Helm chart or a Git tag), sync wave, server-side apply, and this environment's chart values. Istio's
charts follow the environment's Istio version; the east-west gateway joins a multi-cluster stage; Velero comes with
backups. Argument: dict root env.
*/}}
{{- define "bench.addons" -}}
{{- $env := .env -}}
{{- $prod := eq $env.stage "prod" -}}
{{- $peers := (include "bench.peers" .) | fromYaml -}}
{{- $istioVersions := dict "1.20" "1.20.8" "1.21" "1.21.6" "1.22" "1.22.8" "1.23" "1.23.4" "1.24" "1.24.3" -}}
{{- $istioVersion := get $istioVersions $env.versions.istio | default (printf "%s.0" $env.versions.istio) -}}
{{- $network := $env.cluster.network }}
addons:
  - name: gateway-api-crds
    namespace: kube-system
    source: {kind: git, repoUrl: "https://github.com/kubernetes-sigs/gateway-api.git", path: config/crd/standard, revision: v1.0.0}
    wave: -5
    serverSideApply: true
    values: {}
  - name: istio-base
    namespace: istio-system
    source: {kind: helm, repoUrl: "https://istio-release.storage.googleapis.com/charts", chart: base, version: {{ $istioVersion | quote }}}
    wave: -5
    serverSideApply: true
    values:
      defaultRevision: default
  - name: istio-cni
    namespace: kube-system
    source: {kind: helm, repoUrl: "https://istio-release.storage.googleapis.com/charts", chart: cni, version: {{ $istioVersion | quote }}}
    wave: -4
    serverSideApply: false
    values:
      cni:
        excludeNamespaces: [istio-system, kube-system]
  - name: istiod
    namespace: istio-system
    source: {kind: helm, repoUrl: "https://istio-release.storage.googleapis.com/charts", chart: istiod, version: {{ $istioVersion | quote }}}
    wave: -4
    serverSideApply: false
    values:
      global:
        meshID: cloud-lab-mesh
        multiCluster:
          clusterName: {{ $env.cluster.name }}
        network: {{ $network }}
      istio_cni:
        enabled: true
      pilot:
        {{- if $prod }}
        autoscaleMin: 2
        autoscaleMax: 5
        resources: {requests: {cpu: 500m, memory: 2Gi}}
        {{- else }}
        autoscaleMin: 1
        resources: {requests: {cpu: 100m, memory: 256Mi}}
        {{- end }}
      meshConfig:
        accessLogFile: /dev/stdout
        defaultConfig:
          holdApplicationUntilProxyStarts: true
          proxyMetadata: {ISTIO_META_DNS_AUTO_ALLOCATE: "true", ISTIO_META_DNS_CAPTURE: "true"}
        outboundTrafficPolicy:
          mode: REGISTRY_ONLY
        defaultProviders:
          tracing: [jaeger]
        extensionProviders:
          - name: jaeger
            opentelemetry: {service: jaeger-collector.tracing.svc.cluster.local, port: 4317}
  - name: external-secrets
    namespace: external-secrets
    source: {kind: helm, repoUrl: "https://charts.external-secrets.io", chart: external-secrets, version: "0.10.5"}
    wave: -4
    serverSideApply: true
    values:
      installCRDs: true
      replicaCount: {{ ternary 2 1 $prod }}
      leaderElect: {{ $prod }}
  - name: cert-manager
    namespace: cert-manager
    source: {kind: helm, repoUrl: "https://charts.jetstack.io", chart: cert-manager, version: "v1.14.5"}
    wave: -4
    serverSideApply: true
    values:
      installCRDs: true
      {{- /* eksctl makes the controller's service account with its IRSA role on EKS; annotated for Workload Identity on GKE. */}}
      {{- if eq $env.cluster.provider "eks" }}
      serviceAccount: {create: false, name: cert-manager}
      {{- else }}
      serviceAccount:
        create: true
        name: cert-manager
        annotations: {{ if $env.cluster.gcpProject }}{iam.gke.io/gcp-service-account: "cert-manager@{{ $env.cluster.gcpProject }}.iam.gserviceaccount.com"}{{ else }}{}{{ end }}
      {{- end }}
      extraArgs: ["--cluster-issuer-ambient-credentials=true", "--issuer-ambient-credentials=false"]
  {{- if eq $env.mesh.ingress.mode "istio" }}
  - name: istio-ingressgateway
    namespace: {{ $env.mesh.ingress.namespace }}
    source: {kind: helm, repoUrl: "https://istio-release.storage.googleapis.com/charts", chart: gateway, version: {{ $istioVersion | quote }}}
    wave: -3
    serverSideApply: false
    values:
      labels: {istio: ingressgateway}
      autoscaling: {{ if $prod }}{minReplicas: 3, maxReplicas: 20}{{ else }}{minReplicas: 1, maxReplicas: 2}{{ end }}
  {{- end }}
  {{- if $peers.peers }}
  - name: istio-eastwestgateway
    namespace: istio-system
    source: {kind: helm, repoUrl: "https://istio-release.storage.googleapis.com/charts", chart: gateway, version: {{ $istioVersion | quote }}}
    wave: -3
    serverSideApply: false
    values:
      name: istio-eastwestgateway
      labels: {istio: eastwestgateway, app: istio-eastwestgateway, topology.istio.io/network: {{ $network }}}
      env: {ISTIO_META_REQUESTED_NETWORK_VIEW: {{ $network }}}
      service:
        ports:
          - {name: status-port, port: 15021, targetPort: 15021}
          - {name: tls, port: 15443, targetPort: 15443}
          - {name: tls-istiod, port: 15012, targetPort: 15012}
          - {name: tls-webhook, port: 15017, targetPort: 15017}
  {{- end }}
  - name: kube-prometheus-stack
    namespace: monitoring
    source: {kind: helm, repoUrl: "https://prometheus-community.github.io/helm-charts", chart: kube-prometheus-stack, version: "56.21.4"}
    wave: -3
    serverSideApply: true
    values:
      prometheus:
        prometheusSpec:
          retention: {{ ternary "15d" "3d" $prod }}
          serviceMonitorSelectorNilUsesHelmValues: false
          podMonitorSelectorNilUsesHelmValues: false
          ruleSelectorNilUsesHelmValues: false
          resources: {{ if $prod }}{requests: {cpu: "2", memory: 8Gi}}{{ else }}{requests: {cpu: 200m, memory: 1Gi}}{{ end }}
      {{- /* Every tenant's AlertmanagerConfig is picked up (they route on `namespace` themselves). */}}
      alertmanager:
        alertmanagerSpec:
          alertmanagerConfigSelector: {}
          alertmanagerConfigNamespaceSelector: {}
          alertmanagerConfigMatcherStrategy: {type: None}
      grafana:
        sidecar:
          dashboards:
            enabled: true
            label: grafana_dashboard
            labelValue: "1"
            searchNamespace: ALL
            folderAnnotation: grafana_folder
            provider: {foldersFromFilesStructure: true}
  - name: jaeger
    namespace: tracing
    source: {kind: helm, repoUrl: "https://jaegertracing.github.io/helm-charts", chart: jaeger, version: "3.0.10"}
    wave: -3
    serverSideApply: false
    values:
      provisionDataStore: {cassandra: false, elasticsearch: false}
      storage:
        type: elasticsearch
        elasticsearch: {host: elasticsearch-master.logging.svc.cluster.local, port: 9200}
      esIndexCleaner: {enabled: true, numberOfDays: {{ $env.observability.traceRetentionDays }}, schedule: "55 23 * * *"}
      collector:
        service:
          otlp:
            grpc: {name: otlp-grpc, port: 4317}
  - name: fluent-bit
    namespace: logging
    source: {kind: helm, repoUrl: "https://fluent.github.io/helm-charts", chart: fluent-bit, version: "0.46.7"}
    wave: -3
    serverSideApply: false
    values:
      config:
        outputs: |
          [OUTPUT]
              Name es
              Match kube.*
              Host elasticsearch-master.logging.svc.cluster.local
              Logstash_Format On
              Logstash_Prefix logs
              Suppress_Type_Name On
              Retry_Limit False
  - name: argo-rollouts
    namespace: argo-rollouts
    source: {kind: helm, repoUrl: "https://argoproj.github.io/argo-helm", chart: argo-rollouts, version: "2.35.1"}
    wave: -3
    serverSideApply: true
    values:
      installCRDs: true
      controller: {replicas: {{ ternary 2 1 $prod }}}
      dashboard: {enabled: false}
      {{- /* Only Istio's traffic provider: the controller may edit VirtualServices and DestinationRules, nothing of other meshes. */}}
      providerRBAC:
        enabled: true
        providers: {istio: true, smi: false, ambassador: false, awsLoadBalancerController: false, awsAppMesh: false, traefik: false, apisix: false, contour: false, glooPlatform: false}
  # Velero, where the environment backs up its stateful tenants (this comment also ends the block above).
  {{- if $env.backups.enabled }}
  {{- $plugin := get (dict "eks" (dict "name" "velero-plugin-for-aws" "image" "velero/velero-plugin-for-aws:v1.10.1" "provider" "aws") "gke" (dict "name" "velero-plugin-for-gcp" "image" "velero/velero-plugin-for-gcp:v1.10.1" "provider" "gcp")) $env.cluster.provider }}
  - name: velero
    namespace: velero
    source: {kind: helm, repoUrl: "https://vmware-tanzu.github.io/helm-charts", chart: velero, version: "7.2.1"}
    wave: -3
    serverSideApply: false
    values:
      initContainers:
        - {name: {{ $plugin.name }}, image: {{ $plugin.image }}, imagePullPolicy: IfNotPresent, volumeMounts: [{mountPath: /target, name: plugins}]}
      configuration:
        {{- /* Its own bucket read-write; each peer's read-only (a DR cluster restores the primary's backups). */}}
        backupStorageLocation:
          - {name: default, provider: {{ $plugin.provider }}, bucket: cloudlab-velero-{{ $env.name }}, default: true, accessMode: ReadWrite, config: {{ if eq $plugin.provider "aws" }}{region: {{ $env.cluster.region }}}{{ else }}{}{{ end }}}
          {{- range $peers.peers }}
          - {name: {{ .name }}, provider: {{ $plugin.provider }}, bucket: cloudlab-velero-{{ .name }}, default: false, accessMode: ReadOnly, config: {{ if eq $plugin.provider "aws" }}{region: {{ .region }}}{{ else }}{}{{ end }}}
          {{- end }}
        volumeSnapshotLocation: []
        features: EnableCSI
        defaultSnapshotMoveData: true
      snapshotsEnabled: false
      deployNodeAgent: true
      credentials: {useSecret: true, existingSecret: {{ $env.backups.credentialsSecret }}}
  {{- end }}
{{- end }}
