/// Templates of the `_helpers.tpl` that `helm create` writes, which the fixtures' charts share.
public enum HelmCreateHelpers {
    /// The `<chart>.fullname` template: `fullnameOverride`, else the release name (with the chart
    /// name unless the release name holds it), cut to 63 characters. No final newline.
    public static func fullname(_ chart: String) -> String {
        """
        {{- define "\(chart).fullname" -}}
        {{- if .Values.fullnameOverride }}
        {{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
        {{- else }}
        {{- $name := default .Chart.Name .Values.nameOverride }}
        {{- if contains $name .Release.Name }}
        {{- .Release.Name | trunc 63 | trimSuffix "-" }}
        {{- else }}
        {{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
        {{- end }}
        {{- end }}
        {{- end }}
        """
    }
}
