#ifndef STEWARD_COPENSSL_SHIM_H
#define STEWARD_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>
#include <openssl/rand.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/sha.h>

/* Selections for EVP_PKEY_fromdata; the macros are composite expressions Swift cannot import. */
static inline int steward_evp_pkey_keypair_selection(void) { return EVP_PKEY_KEYPAIR; }
static inline int steward_evp_pkey_public_selection(void) { return EVP_PKEY_PUBLIC_KEY; }
#endif
