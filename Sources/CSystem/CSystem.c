#define _GNU_SOURCE
#include "CSystem.h"
#include <fcntl.h>
#include <stdio.h>
#include <errno.h>
#include <sys/socket.h>

int rlbook_exchange_paths(const char *first, const char *second) {
#ifdef RENAME_EXCHANGE
  return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
  errno = ENOSYS;
  return -1;
#endif
}

int rlbook_accept_cloexec(int listener) {
  return accept4(listener, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
}
