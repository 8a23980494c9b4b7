#ifndef STEWARD_CLIBGIT2_SHIM_H
#define STEWARD_CLIBGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: a fixed-arity wrapper for the option
 * Steward sets. */

/* Trust the certificates in `file` (PEM) for HTTPS; replaces the default bundle process-wide. */
static inline int steward_git_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, (const char *)0);
}
#endif
