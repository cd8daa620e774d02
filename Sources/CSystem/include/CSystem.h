#ifndef RLBOOK_CSYSTEM_H
#define RLBOOK_CSYSTEM_H
#include <stdint.h>
#include <sys/types.h>

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 or -1 with errno.
int rlbook_exchange_paths(const char *first, const char *second);

/// What a contained child is: the program, its arguments and environment (each list ends
/// with NULL), the folder it starts in, the files of its standard streams, the limit on its
/// writable private memory (RLIMIT_DATA, in bytes; 0 for none) and the write end of the
/// pipe that receives the report.
typedef struct {
  const char *path;
  char *const *argv;
  char *const *envp;
  const char *directory;
  const char *input;
  const char *output;
  const char *error;
  int64_t data_limit;
  long page_size;
  int report_fd;
} rlbook_contained_spawn;

/// The kinds of report a supervisor writes.
enum {
  /// The program could not start; `value` is the errno.
  RLBOOK_REPORT_CANNOT_START = 1,
  /// The program ended and its whole tree is gone; `value` is its wait status.
  RLBOOK_REPORT_ENDED = 2,
  /// The tree was killed on request (SIGTERM to the supervisor) or because rlbook died.
  RLBOOK_REPORT_STOPPED = 3,
};

/// One report: what happened, and the largest writable private memory the program was
/// seen to hold (sampled every 20 ms), in bytes.
typedef struct {
  int32_t kind;
  int32_t value;
  int64_t peak_data;
} rlbook_contained_report;

/// Makes the pipe a supervisor reports into: close-on-exec and non-blocking at both ends.
/// Returns 0 or -1 with errno.
int rlbook_report_pipe(int ends[2]);

/// Starts a contained child: forks a supervisor (a child subreaper in a session of its own,
/// with a parent-death signal) that forks and execs the program in a session of its own,
/// with only descriptors 0, 1 and 2 open. When the program ends, when the supervisor gets
/// SIGTERM, or when rlbook dies, the supervisor kills every descendant, whatever session it
/// moved to, waits until none is left, writes one report and exits 0. Returns the
/// supervisor's pid, or -1 with errno.
pid_t rlbook_spawn_contained(const rlbook_contained_spawn *request);

/// Accepts a connection on `listener` that is close-on-exec and non-blocking from the start
/// (glibc's accept4 with SOCK_CLOEXEC | SOCK_NONBLOCK). Returns the descriptor or -1 with errno.
int rlbook_accept_cloexec(int listener);

#endif
