#ifndef RLBOOK_CSYSTEM_H
#define RLBOOK_CSYSTEM_H
#include <spawn.h>

/// Makes a spawned child start in `path` (glibc's posix_spawn_file_actions_addchdir_np).
int rlbook_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 or -1 with errno.
int rlbook_exchange_paths(const char *first, const char *second);

/// The posix_spawn flags that start a child in a new session and process group of its own
/// (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF), as a plain value Swift can use.
short rlbook_spawn_session_flags(void);

/// Accepts a connection on `listener` that is close-on-exec and non-blocking from the start
/// (glibc's accept4 with SOCK_CLOEXEC | SOCK_NONBLOCK). Returns the descriptor or -1 with errno.
int rlbook_accept_cloexec(int listener);

#endif
