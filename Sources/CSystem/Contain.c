// A contained child: rlbook forks a small supervisor, which forks and execs the program.
//
// The supervisor is a child subreaper (PR_SET_CHILD_SUBREAPER), so every descendant of the
// program whose parent dies is re-parented to it, whatever session or process group it
// moved to; it can therefore always find the whole tree (its children, and their
// descendants through /proc) and kill it. It has a parent-death signal, so it also does so
// when rlbook dies, even by SIGKILL. It ends only when the program has ended and no
// descendant is left, and then writes one report to a pipe.
//
// Both forks happen in a multi-threaded process, so after fork() only async-signal-safe
// calls are made: no malloc, no stdio. Everything that needs memory is prepared by the
// caller.
#define _GNU_SOURCE
#include "CSystem.h"
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/// Writes one report record; a pipe write this small is atomic.
static void report(int fd, int32_t kind, int32_t value, int64_t peak) {
  rlbook_contained_report record = {kind, value, peak};
  ssize_t ignored = write(fd, &record, sizeof record);
  (void)ignored;
}

/// Closes every descriptor from `first` on.
static void close_from(int first) {
  if (close_range((unsigned)first, ~0U, 0) == 0) return;
  struct rlimit limit;
  long last = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
                  ? (long)limit.rlim_cur : 65536;
  for (long fd = first; fd < last; fd++) close((int)fd);
}

/// Opens `path` on a descriptor of 3 or more, so moving it onto 0, 1 or 2 never clobbers one
/// of the others.
static int open_high(const char *path, int flags) {
  int fd = open(path, flags, 0644);
  if (fd < 0 || fd > 2) return fd;
  int high = fcntl(fd, F_DUPFD, 3);
  close(fd);
  return high;
}

/// Puts every signal back to its default action (SIGKILL and SIGSTOP refuse, harmlessly).
static void default_signals(void) {
  struct sigaction action = {0};
  action.sa_handler = SIG_DFL;
  for (int number = 1; number < NSIG; number++) sigaction(number, &action, NULL);
}

/// In the program's process, after the second fork: descriptors, folder, limits, exec.
/// The report pipe is descriptor 3 here; it closes on exec, or carries exec's error.
static void become_program(const rlbook_contained_spawn *request) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  setsid();
  fcntl(3, F_SETFD, FD_CLOEXEC);
  int input = open_high(request->input, O_RDONLY);
  int output = open_high(request->output, O_WRONLY | O_CREAT | O_TRUNC);
  int error = open_high(request->error, O_WRONLY | O_CREAT | O_TRUNC);
  if (input < 0 || output < 0 || error < 0 || chdir(request->directory) != 0
      || dup2(input, 0) < 0 || dup2(output, 1) < 0 || dup2(error, 2) < 0) {
    report(3, RLBOOK_REPORT_CANNOT_START, errno, 0);
    _exit(127);
  }
  // Only 0, 1 and 2 reach the program (and 3 until exec succeeds).
  close_from(4);
  if (request->data_limit > 0) {
    struct rlimit limit = {(rlim_t)request->data_limit, (rlim_t)request->data_limit};
    setrlimit(RLIMIT_DATA, &limit);
  }
  execve(request->path, request->argv, request->envp);
  report(3, RLBOOK_REPORT_CANNOT_START, errno, 0);
  _exit(127);
}

/// A pid and its parent, read from /proc.
static struct {
  pid_t pid, parent;
  int8_t mine;  // 0: not known yet, 1: a descendant, -1: not one
} table[32768];
static int table_count;

/// The parent of `pid` from its /proc/PID/stat line (after the command name's last ')'),
/// or -1.
static pid_t parent_of(const char *pid_text) {
  char path[64] = "/proc/";
  int at = 6;
  for (const char *c = pid_text; *c && at < 50; c++) path[at++] = *c;
  const char *tail = "/stat";
  for (const char *c = tail; *c; c++) path[at++] = *c;
  path[at] = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char text[1024];
  ssize_t length = read(fd, text, sizeof text - 1);
  close(fd);
  if (length <= 0) return -1;
  text[length] = 0;
  char *close_paren = NULL;
  for (char *c = text; *c; c++)
    if (*c == ')') close_paren = c;
  // ") S PPID …"
  if (!close_paren || close_paren[1] != ' ' || !close_paren[2] || close_paren[3] != ' ')
    return -1;
  pid_t parent = 0;
  for (char *c = close_paren + 4; *c >= '0' && *c <= '9'; c++) parent = parent * 10 + (*c - '0');
  return parent;
}

/// Whether table entry `index` descends from `self`, following parents through the table.
static int descends(int index, pid_t self, int depth) {
  if (table[index].mine) return table[index].mine > 0;
  int answer = -1;
  if (table[index].parent == self) {
    answer = 1;
  } else if (depth < 64) {
    for (int other = 0; other < table_count; other++) {
      if (table[other].pid == table[index].parent) {
        answer = descends(other, self, depth + 1) ? 1 : -1;
        break;
      }
    }
  }
  table[index].mine = (int8_t)answer;
  return answer > 0;
}

/// Sends SIGKILL to every live descendant of this process found in /proc.
static void kill_descendants(pid_t self) {
  int proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (proc < 0) return;
  table_count = 0;
  char buffer[8192];
  long length;
  while ((length = syscall(SYS_getdents64, proc, buffer, sizeof buffer)) > 0) {
    for (long offset = 0; offset < length;) {
      struct dirent64 *entry = (struct dirent64 *)(buffer + offset);
      offset += entry->d_reclen;
      const char *name = entry->d_name;
      if (name[0] < '1' || name[0] > '9') continue;
      pid_t pid = 0;
      for (const char *c = name; *c >= '0' && *c <= '9'; c++) pid = pid * 10 + (*c - '0');
      pid_t parent = parent_of(name);
      if (parent < 0 || table_count == (int)(sizeof table / sizeof table[0])) continue;
      table[table_count].pid = pid;
      table[table_count].parent = parent;
      table[table_count].mine = 0;
      table_count++;
    }
  }
  close(proc);
  for (int index = 0; index < table_count; index++) {
    if (table[index].pid != self && descends(index, self, 0)) kill(table[index].pid, SIGKILL);
  }
}

/// The program's writable private memory (statm's data field: heap, anonymous mappings and
/// stacks), in bytes, or 0 once it is gone.
static int64_t data_bytes(const char *statm_path, long page) {
  int fd = open(statm_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[256];
  ssize_t length = read(fd, text, sizeof text - 1);
  close(fd);
  if (length <= 0) return 0;
  text[length] = 0;
  // size resident shared text lib data dt
  int field = 0;
  int64_t value = 0;
  for (char *c = text; *c; c++) {
    if (*c == ' ') {
      if (++field > 5) break;
      value = 0;
    } else if (field == 5 && *c >= '0' && *c <= '9') {
      value = value * 10 + (*c - '0');
    }
  }
  return field >= 5 ? value * page : 0;
}

/// Reaps every ended child without waiting; notes the program's status. Returns whether any
/// child (hence any descendant, since this is a subreaper) is left.
static int reap(pid_t program, int *program_status, int *program_ended) {
  for (;;) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, WNOHANG | __WALL);
    if (pid == program) {
      *program_status = status;
      *program_ended = 1;
    }
    if (pid > 0) continue;
    if (pid < 0 && errno == EINTR) continue;
    return !(pid < 0 && errno == ECHILD);
  }
}

/// Kills the whole tree and waits until no descendant is left.
static void kill_tree(pid_t self, pid_t program, int *program_status, int *program_ended) {
  struct timespec pause = {0, 1000000};
  while (reap(program, program_status, program_ended)) {
    kill_descendants(self);
    nanosleep(&pause, NULL);
  }
}

/// The supervisor's life, after the first fork.
static void supervise(const rlbook_contained_spawn *request, pid_t parent) {
  // Die with rlbook (the signal is delivered when the thread that forked ends; rlbook waits
  // on this process from that thread, so that is when rlbook ends), and check that it has
  // not died already.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(0);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  setsid();
  default_signals();
  sigset_t watched;
  sigemptyset(&watched);
  int stops[] = {SIGTERM, SIGINT, SIGHUP, SIGCHLD};
  for (unsigned i = 0; i < sizeof stops / sizeof stops[0]; i++) sigaddset(&watched, stops[i]);
  sigprocmask(SIG_SETMASK, &watched, NULL);
  // Keep only the report pipe, as descriptor 3: never hold rlbook's files, sockets or
  // terminal open.
  if (dup2(request->report_fd, 3) < 0) _exit(1);
  close_from(4);
  int null = open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; fd++)
    if (null >= 0 && null != fd) dup2(null, fd);
  if (null > 2) close(null);

  pid_t self = getpid();
  pid_t program = fork();
  if (program == 0) become_program(request);
  if (program < 0) {
    report(3, RLBOOK_REPORT_CANNOT_START, errno, 0);
    _exit(0);
  }
  char statm_path[48] = "/proc/";
  {
    char digits[16];
    int count = 0;
    for (pid_t value = program; value > 0; value /= 10) digits[count++] = (char)('0' + value % 10);
    int at = 6;
    while (count > 0) statm_path[at++] = digits[--count];
    const char *tail = "/statm";
    for (const char *c = tail; *c; c++) statm_path[at++] = *c;
    statm_path[at] = 0;
  }
  int status = 0, ended = 0;
  int64_t peak = 0;
  struct timespec poll = {0, 20000000};
  for (;;) {
    if (!ended) {
      int64_t now = data_bytes(statm_path, request->page_size);
      if (now > peak) peak = now;
    }
    int number = sigtimedwait(&watched, NULL, &poll);
    if (number == SIGTERM || number == SIGINT || number == SIGHUP || getppid() != parent) {
      kill_tree(self, program, &status, &ended);
      report(3, RLBOOK_REPORT_STOPPED, 0, peak);
      _exit(0);
    }
    reap(program, &status, &ended);
    if (ended) {
      kill_tree(self, program, &status, &ended);
      report(3, RLBOOK_REPORT_ENDED, status, peak);
      _exit(0);
    }
  }
}

int rlbook_report_pipe(int ends[2]) { return pipe2(ends, O_CLOEXEC | O_NONBLOCK); }

pid_t rlbook_spawn_contained(const rlbook_contained_spawn *request) {
  pid_t parent = getpid();
  // Block every signal across the fork, so one sent to the supervisor before it has set up
  // its own handling stays pending instead of being lost to rlbook's dispositions.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  pid_t supervisor = fork();
  if (supervisor == 0) supervise(request, parent);
  int saved = errno;
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  errno = saved;
  return supervisor;
}
