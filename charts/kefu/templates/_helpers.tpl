{{/* Names: <release>-kefu unless the release name already says kefu. */}}
{{- define "kefu.fullname" -}}
{{- if contains "kefu" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-kefu" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kefu.labels" -}}
app.kubernetes.io/name: kefu
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "kefu.selectorLabels" -}}
app.kubernetes.io/name: kefu
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: app
{{- end -}}

{{/* Every image comes from the customer's registry and is pinned by digest: <registry>/<repository>@sha256:... */}}
{{- define "kefu.image" -}}
{{- $registry := required "global.imageRegistry is required" .root.Values.global.imageRegistry -}}
{{- $digest := required (printf "%s.digest is required (images are pinned by digest)" .name) .image.digest -}}
{{- printf "%s/%s@%s" (trimSuffix "/" $registry) .image.repository $digest -}}
{{- end -}}

{{/* Pod Security Standard "restricted", for the pod. */}}
{{- define "kefu.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Pod Security Standard "restricted", for every container. */}}
{{- define "kefu.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Settings shared by the app and the migration job (docs/configuration.md). */}}
{{- define "kefu.env" -}}
- name: NODE_ENV
  value: production
- name: ORT_DISABLE_TELEMETRY
  value: "1"
- name: KEFU_HTTP_PORT
  value: "3000"
- name: KEFU_LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: KEFU_API_DOCS
  value: {{ .Values.apiDocs | toString | quote }}
- name: KEFU_PUBLIC_URL
  value: {{ .Values.publicUrl | quote }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.existingSecretKey }}
- name: KEFU_DB_POOL_MAX
  value: {{ .Values.database.poolMax | quote }}
{{- with .Values.identity.keycloak.url }}
- name: KEFU_KEYCLOAK_URL
  value: {{ . | quote }}
{{- end }}
- name: KEFU_KEYCLOAK_REALM
  value: {{ .Values.identity.keycloak.realm | quote }}
- name: KEFU_KEYCLOAK_API_CLIENT
  value: {{ .Values.identity.keycloak.apiClient | quote }}
- name: KEFU_DEMO_IDP
  value: {{ and (eq .Values.mode "evaluation") .Values.identity.demoIdp | toString | quote }}
- name: KEFU_IDP_DATA_DIR
  value: /var/lib/kefu/idp
- name: KEFU_AUDIT_KEY_DIR
  value: /var/lib/kefu/keys
- name: KEFU_MODELS_DIR
  value: {{ if .Values.models.existingClaim }}/var/lib/kefu/models{{ else }}/app/models/artifacts{{ end }}
- name: KEFU_CRYPTO_KEY_DIR
  value: /var/lib/kefu/crypto
- name: KEFU_CRYPTO_MODE
  value: {{ .Values.audit.cryptoMode | quote }}
{{- with .Values.audit.syslogTarget }}
- name: KEFU_AUDIT_SYSLOG_TARGET
  value: {{ . | quote }}
{{- end }}
{{- end -}}
