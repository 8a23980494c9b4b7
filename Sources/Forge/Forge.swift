// Pull-request clients for GitHub, GitLab and Gitea/Forgejo.
