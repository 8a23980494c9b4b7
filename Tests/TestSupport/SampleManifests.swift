/// Small manifests that tests place in repositories of their own making.
public enum SampleManifests {
    /// Deployment `web` (no namespace) with one container `app` and a CPU request.
    public static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  resources:
                    requests: {cpu: 100m}

        """
}
