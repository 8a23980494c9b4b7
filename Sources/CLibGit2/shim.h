#ifndef STEWARD_CLIBGIT2_SHIM_H
#define STEWARD_CLIBGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: fixed-arity wrappers for the options
 * Steward sets. */

/* Trust the certificates in `file` (PEM) for HTTPS; replaces the default bundle process-wide. */
static inline int steward_git_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}

/* The User-Agent sent to HTTP remotes. */
static inline int steward_git_set_user_agent(const char *agent) {
    return git_libgit2_opts(GIT_OPT_SET_USER_AGENT, agent);
}
#endif
