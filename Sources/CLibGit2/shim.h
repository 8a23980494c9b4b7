#ifndef STEWARD_CLIBGIT2_SHIM_H
#define STEWARD_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
