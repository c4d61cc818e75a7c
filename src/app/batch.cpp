#include "app/batch.hpp"

#include "app/font_check.hpp"
#include "app/loaded_ahead.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <unordered_set>

#include "app/batch_manifest.hpp"
#include "app/document_for.hpp"
#include "app/inputs.hpp"
#include "app/run_abort.hpp"
#include "model/load.hpp"
#include "text/font.hpp"
#include "util/atomic_file.hpp"
#include "util/file_names.hpp"
#include "util/fnv1a.hpp"
#include "util/ordered_worker.hpp"
#include "util/out_dir.hpp"
#include "util/process_end.hpp"
#include "util/read_sized.hpp"
#include "util/trace.hpp"

namespace bp {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStagingPrefix = ".budgetpress-staging.";
constexpr const char* kRunLockPrefix = ".budgetpress-lock.";

// OUT/.budgetpress-lock.<pid>: created and flock'ed by every build for as long as it runs, removed
// at its end. A temp file or staging directory of pid P whose lock file exists but is not locked
// belongs to a run that died (kill -9, the OOM killer, a power loss), so the next build removes it
// at once, whatever its age. flock works across NFS clients; without a lock file (a run of an
// older version) the pid-and-age rule below applies.
class RunLock {
 public:
  // Created with O_EXCL | O_NOFOLLOW relative to OUT's descriptor: a symlink planted under this
  // name is never followed. It is the first file a build creates, so an OUT that cannot take it
  // fails the whole run (OutDirError, exit 2) before any department.
  explicit RunLock(const OutDir& out) : out_(out) {
    name_ = kRunLockPrefix + std::to_string(::getpid());
    for (int attempt = 0; attempt < 2 && fd_ < 0; ++attempt) {
      fd_ = ::openat(out.fd(), name_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     0644);
      if (fd_ >= 0) break;
      if (errno != EEXIST)
        throw OutDirError("输出目录 " + out.path().string() + " 不可用：无法创建文件 " + name_ +
                          "（" + std::strerror(errno) + "；没有生成任何部门）");
      // A leftover of a dead run with our pid (pid reuse), or a planted symlink: unless a live
      // run on another host holds it, remove the name itself (never what it points to).
      int probe = ::openat(out.fd(), name_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      if (probe >= 0) {
        const bool held = ::flock(probe, LOCK_EX | LOCK_NB) != 0;
        ::close(probe);
        if (held) return;  // the same pid on another host holds it: keep out of its way
      }
      ::unlinkat(out.fd(), name_.c_str(), 0);
    }
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RunLock() {
    if (fd_ < 0) return;
    ::unlinkat(out_.fd(), name_.c_str(), 0);
    ::close(fd_);
  }
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  const OutDir& out_;
  std::string name_;
  int fd_ = -1;
};

// What the run lock of `pid` in `out_dir` says: held (the run is alive, on whatever host), free
// (the run is gone), or nothing (no lock file).
enum class RunState { Unknown, Alive, Dead };
RunState run_state(const fs::path& out_dir, long pid) {
  const fs::path p = out_dir / (kRunLockPrefix + std::to_string(pid));
  int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return RunState::Unknown;
  const bool dead = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return dead ? RunState::Dead : RunState::Alive;
}
bool run_is_dead(const fs::path& out_dir, long pid) {
  return run_state(out_dir, pid) == RunState::Dead;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

unsigned default_jobs() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  unsigned n = std::thread::hardware_concurrency();
  return n ? n : 1;
}

// The file as an absolute, lexically normal path: how a department file is identified.
std::string absolute_key(const fs::path& file) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return (file.is_absolute() || ec ? file : cwd / file).lexically_normal().generic_string();
}

// Manifest key: the file's path relative to OUT ("../depts/2024/434.yaml"). It does not depend on
// the working directory or on how PATH was spelled, and survives moving the whole tree (depts and
// out together, e.g. another checkout).
std::string manifest_key(const std::string& absolute_file, const fs::path& out_dir) {
  fs::path out = absolute_key(out_dir);
  fs::path rel = fs::path(absolute_file).lexically_relative(out);
  return rel.empty() ? absolute_file : rel.generic_string();
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

// The label of a department whose file was not parsed: the stem of a recorded output.
std::string label_from_manifest(const ManifestEntry& e, const fs::path& file) {
  if (e.outputs.empty()) return file.string();
  return fs::path(e.outputs.begin()->second.file).stem().string();
}

// Reads the file when it is small enough to be a department file; nullopt otherwise (the caller
// then lets check_budget_file report why, with the standard messages).
std::optional<std::string> read_input(const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec || size > LoadLimits{}.max_file_bytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return read_sized(in, size);
}

// pid of a temp or staging name ending in ".<pid>.<n>", 0 when there is none.
long pid_of_temp_name(const std::string& name) {
  size_t last = name.rfind('.');
  if (last == std::string::npos || last == 0) return 0;
  size_t prev = name.rfind('.', last - 1);
  if (prev == std::string::npos) return 0;
  std::string pid = name.substr(prev + 1, last - prev - 1);
  if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stol(pid);
}

bool is_ours_or_stale(const fs::directory_entry& e, long pid, const fs::path& out_dir) {
  if (pid == static_cast<long>(::getpid())) return true;
  switch (run_state(out_dir, pid)) {
    case RunState::Dead:
      return true;
    case RunState::Alive:
      return false;
    case RunState::Unknown:
      break;
  }
  // Another process: only when it is gone and the entry is old. On a volume shared by several
  // machines (shards in containers) a pid says nothing about other hosts; the age guard keeps
  // a running shard's files safe.
  if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) return false;
  std::error_code ec;
  auto mtime = e.last_write_time(ec);
  if (ec) return false;
  return fs::file_time_type::clock::now() - mtime > std::chrono::hours(1);
}

size_t remove_temps_in(const fs::path& dir, const fs::path& out_dir) {
  size_t removed = 0;
  std::error_code ec;
  std::vector<fs::directory_entry> doomed;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] != '.') continue;
    bool staging = name.rfind(kStagingPrefix, 0) == 0;
    bool temp = name.find(".tmp.") != std::string::npos;
    if (!staging && !temp) continue;
    long pid = pid_of_temp_name(name);
    if (pid > 0 && is_ours_or_stale(*it, pid, out_dir)) doomed.push_back(*it);
  }
  for (const auto& e : doomed) {
    std::error_code rec;
    if (fs::remove_all(e.path(), rec) > 0) ++removed;
  }
  return removed;
}

// Which department may publish which output names. Two departments whose outputs would have the
// same names ("<year>/<code>-<name>"): the one earlier in the input order wins, whatever thread
// gets there first, and the later one fails naming both files. Each department states its claim
// (or that it has none) as soon as it is checked; before it publishes (or reports its outputs
// unchanged) it waits until every earlier department has stated its claim. Earlier departments
// were all started before it and state their claim before they wait themselves, so the waiting
// always ends.
class Claims {
 public:
  explicit Claims(size_t n) : claim_(n), stated_(n, false) {}

  // Records the claim of department `i` ("" = none). Returns the file of an earlier department
  // with the same claim if one is already known.
  std::optional<size_t> state(size_t i, const std::string& claim) {
    std::lock_guard lk(mu_);
    if (stated_[i]) return std::nullopt;
    claim_[i] = claim;
    stated_[i] = true;
    while (prefix_ < stated_.size() && stated_[prefix_]) ++prefix_;
    cv_.notify_all();
    return earlier(i, claim);
  }
  // Waits until every department before `i` has stated its claim; returns the first of them with
  // the same claim.
  std::optional<size_t> wait_for_earlier(size_t i, const std::string& claim) {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return prefix_ >= i; });
    return earlier(i, claim);
  }

 private:
  std::optional<size_t> earlier(size_t i, const std::string& claim) const {
    if (claim.empty()) return std::nullopt;
    for (size_t j = 0; j < i; ++j)
      if (stated_[j] && claim_[j] == claim) return j;
    return std::nullopt;
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> claim_;
  std::vector<bool> stated_;
  size_t prefix_ = 0;  // departments 0 … prefix_-1 have all stated their claim
};

// -j1 with several departments on a machine with a second core: department i+1's front (read,
// check, document tree, layout) runs on a second worker beside department i's tail (its PDF and
// other outputs written, then published, journaled and reported), so that both cores work although
// each phase still builds one department at a time. Fronts run one at a time in input order, tails
// one at a time in input order: at most one department writes its outputs (the memory of one PDF
// beside one layout), and everything a department does that others can see — its claim,
// publishing, the journal, its result — happens in the order it has department by department. A
// department that ends in its front (a failure, unchanged, cancelled) still takes its tail turn
// after the one before it, so that results arrive in input order as before. Waits only point back
// to earlier departments, so the two workers cannot wait for each other.
class Pipeline {
 public:
  using Clock = std::chrono::steady_clock;
  // Thrown out of a department waiting for its turn once an earlier one met a RunAbort, or when the
  // run is stopped (Ctrl-C) before the department's tail turn: department by department it would
  // not have started, so it is dropped without a trace (no result, counted as never started).
  struct Abandoned {};

  // Blocks until department `i` may start its front (i-1's front is done).
  void enter_front(size_t i) {
    std::unique_lock lk(mu_);
    cv_.wait(lk, [&] { return fronts_ >= i; });
    if (aborted_) throw Abandoned{};
  }
  // Ends i's front and waits for i-1's tail: i's outputs may be written. Returns the time waited.
  Clock::duration enter_tail(size_t i, const std::stop_token& stop) {
    const auto t0 = Clock::now();
    await_tail_turn(i, stop);
    return Clock::now() - t0;
  }
  // Ends i's front and waits for i-1's tail; throws Abandoned when department by department `i`
  // would not have started: the run was stopped or aborted before i-1 was done.
  void await_tail_turn(size_t i, const std::stop_token& stop) {
    std::unique_lock lk(mu_);
    end_front(i);
    cv_.wait(lk, [&] { return tails_ >= i; });
    if (aborted_ || stop.stop_requested()) throw Abandoned{};
  }
  // Department `i` is done (whatever happened): waits for i-1's tail so that results arrive in
  // input order, then lets i+1 take its tail turn.
  void leave(size_t i) {
    std::unique_lock lk(mu_);
    end_front(i);
    cv_.wait(lk, [&] { return tails_ >= i; });
    tails_ = i + 1;
    cv_.notify_all();
  }
  // Department `i` met a RunAbort: later departments waiting for a turn are abandoned.
  void abort() {
    std::lock_guard lk(mu_);
    aborted_ = true;
    cv_.notify_all();
  }

 private:
  void end_front(size_t i) {  // under mu_
    if (fronts_ == i) {
      fronts_ = i + 1;
      cv_.notify_all();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  size_t fronts_ = 0;  // departments 0 … fronts_-1 have finished their front
  size_t tails_ = 0;   // departments 0 … tails_-1 are done
  bool aborted_ = false;
};

// One department's place in the pipeline.
struct PipelineTurn {
  bool in_tail = false;                 // its outputs are being written (enter_tail returned)
  Pipeline::Clock::duration waited{};   // for the previous department's tail: not its own time
  Pipeline::Clock::time_point started;  // the department's start (its time, reported)
  bool handed_off = false;              // its result comes from the publisher (Shared::publisher)
};

struct Shared {
  explicit Shared(size_t n) : claims(n) {}
  std::mutex mu;
  std::condition_variable cv;
  std::deque<DeptResult> done;
  unsigned workers_alive = 0;
  // The batch runs one department at a time (-j1, or a single department): each may use the second
  // core inside (tables planned ahead, PDF helper thread). Not decided per document from who holds
  // caches at that moment: in a -j2 batch the other worker is often briefly between departments
  // or writing a workbook, and a helper started then competes with it (measured: 2× the threads).
  bool one_worker = false;
  // A lone department of a process that ends after it (BatchOptions::only_run).
  bool last_document = false;
  // -j1 with several departments and a second core: the front of one beside the tail of the
  // previous one (see Pipeline). The PDF's helper thread is kept (the tail is the longer phase);
  // the layout plans ahead only in the first department's front, where nothing runs beside it.
  std::optional<Pipeline> pipeline;
  std::atomic<size_t> never_started{0};  // dropped by the pipeline (Pipeline::Abandoned)
  Claims claims;
  std::vector<std::pair<std::string, ManifestEntry>> manifest_updates;
  std::vector<std::string> journal_warnings;
  std::exception_ptr abort;  // the first RunAbort of a worker (under mu): no department after it
  // Publishing in the background (a run of several departments): each department's last step —
  // its staged files fsync'ed, renamed into OUT/<year>, that directory fsync'ed, its journal line
  // — runs on this thread, in the order the departments reach it, while the worker that rendered
  // it goes on with the next one. Measured before: ≈ 4 fsyncs a department on the worker, the
  // core idle meanwhile (bench/pdf/README.md, "Round 10, lead: publishing in the background").
  // The order of the syncs is the same, on one thread: nothing is visible in OUT/<year> before
  // its data is durable, and no journal line before OUT/<year> is synced. Its results go to `done`
  // like the workers'; `in_flight` counts those handed to it and not yet delivered (under mu).
  size_t in_flight = 0;
  std::unique_ptr<OrderedWorker> publisher;  // last: stopped (drained) first
};

// Every format but the tables' JSON is made from the department's document tree.
bool reads_document_tree(const std::set<Format>& formats) {
  return std::any_of(formats.begin(), formats.end(), [](Format f) { return f != Format::Json; });
}

// The formats of a department in the groups it renders them in, one write_outputs call each: the
// typeset ones (PDF, DOCX, layout JSON) share one layout, and every group the one document tree
// (DocumentSlot). Two groups rather than one, so that the layout and its pages are freed before
// the workbook is written (a department's peak memory stays that of its PDF).
std::vector<std::set<Format>> output_groups(const std::set<Format>& todo) {
  std::set<Format> typeset, rest;
  for (Format f : todo)
    (f == Format::Pdf || f == Format::Docx || f == Format::Layout ? typeset : rest).insert(f);
  std::vector<std::set<Format>> out;
  for (auto* g : {&typeset, &rest})
    if (!g->empty()) out.push_back(std::move(*g));
  return out;
}

class DeptBuilder {
 public:
  DeptBuilder(const BatchOptions& o, const Context& ctx, const InputFingerprint* fp,
              const Manifest& manifest, Shared& shared, const OutDir& out,
              const std::vector<BatchInput>& inputs)
      : o_(o), ctx_(ctx), fp_(fp), manifest_(manifest), sh_(shared), out_(out), inputs_(inputs) {}

  // nullopt: dropped by the -j1 pipeline as never started (Pipeline::Abandoned).
  // `handed_off`: set when the department's result will come from the publisher instead.
  std::optional<DeptResult> build(size_t index, const BatchInput& in, const std::stop_token& stop,
                                  bool& handed_off) {
    DeptResult r;
    r.index = index;
    r.file = in.file;
    r.label = in.file.string();
    // Whatever happens below, the department gives up its pipeline turns on the way out, after
    // it has stated its claim (declared before no_claim, so destroyed after it).
    struct Turns {
      Pipeline* p;
      size_t i;
      ~Turns() {
        if (p) p->leave(i);
      }
    } turns{sh_.pipeline ? &*sh_.pipeline : nullptr, index};
    // Whatever happens below, this department's claim is stated (none unless it made one), so
    // that later departments waiting for it go on.
    struct NoClaim {
      Claims& c;
      size_t i;
      ~NoClaim() { c.state(i, {}); }
    } no_claim{sh_.claims, index};
    PipelineTurn turn;
    try {
      if (turns.p) turns.p->enter_front(index);
    } catch (const Pipeline::Abandoned&) {
      return std::nullopt;
    }
    const trace::Span span("department");
    auto t0 = std::chrono::steady_clock::now();
    turn.started = t0;
    if (!stop.stop_requested()) {
      try {
        build_into(r, in, stop, turn);
        if (turn.handed_off) {
          handed_off = true;
          return std::nullopt;
        }
      } catch (const Pipeline::Abandoned&) {
        return std::nullopt;
      } catch (const RunAbort&) {
        if (turns.p) turns.p->abort();  // before the next department gets its turn (~Turns)
        throw;  // the run's, not this department's: run_batch stops and rethrows it
      } catch (const std::bad_alloc&) {
        // Out of memory (e.g. under --max-memory): this department fails, the batch goes on.
        r.written.clear();
        fail(r, "内存不足，无法处理这个部门（见 --max-memory）", "E014");
      } catch (const std::exception& e) {
        r.written.clear();
        fail(r, e.what());
      }
    }  // else Cancelled
    // Ended in its front (failed, unchanged, cancelled): its result counts once the previous
    // department is done, and only if the run was not stopped before (else it never started).
    if (turns.p && !turn.in_tail) {
      try {
        turns.p->await_tail_turn(index, stop);
      } catch (const Pipeline::Abandoned&) {
        return std::nullopt;
      }
    }
    r.seconds = seconds_since(t0) - std::chrono::duration<double>(turn.waited).count();
    return r;
  }

 private:
  const BatchOptions& o_;
  const Context& ctx_;
  const InputFingerprint* fp_;
  const Manifest& manifest_;
  Shared& sh_;
  const OutDir& out_;
  const std::vector<BatchInput>& inputs_;

  void fail(DeptResult& r, const std::string& message, const std::string& code = {}) {
    r.status = DeptStatus::Failed;
    // A path can hold anything (a file named with ESC sequences); the message may span lines.
    std::string line = printable(r.file.string(), std::string::npos - 64) + ": 错误" +
                       (code.empty() ? "" : "[" + code + "]") + ": " + message;
    r.diagnostics += line + "\n";
    if (r.first_error.empty()) r.first_error = line;
  }

  // Two files that would write the same outputs ("<year>/<code>-<name>"): the one later in the
  // input order fails instead of replacing the other one's documents (see Claims). Unchanged
  // departments claim their recorded outputs too, so a new file cannot overwrite an unchanged
  // one's files.
  bool claim_outputs(DeptResult& r, const std::string& claim) {
    return !collides(r, claim, sh_.claims.state(r.index, claim));
  }
  // Before anything is published: the earlier departments have all claimed theirs.
  bool may_publish(DeptResult& r, const std::string& claim) {
    return !collides(r, claim, sh_.claims.wait_for_earlier(r.index, claim));
  }
  bool collides(DeptResult& r, const std::string& claim, std::optional<size_t> other) {
    if (!other) return false;
    r.written.clear();
    fail(r, output_collision_message(claim, inputs_[*other].file), "E019");
    return true;
  }

  // Moves the staged files of one department into OUT/<year>/ with renameat relative to the
  // descriptors of both directories: OUT/<year> is opened without following a symlink, so the
  // files cannot land outside OUT. The staging directory (`staging_name` in OUT), empty then, is
  // removed before OUT/<year> is synced: its two removals join the file system transaction that
  // sync commits, where after it each waited for a commit of its own under I/O load (ext4: ≈ 8 ms
  // per rmdir measured, bench/pdf/README.md "Round 9, 20G"). Its entries never needed to survive
  // a crash (the next build removes a leftover staging directory); a removal that fails leaves it
  // to the caller's drop_staging.
  // `sync_files`: the files were written without fsync (SyncFile::by_caller, the publisher's
  // departments): each one's data is fsync'ed here, before any of them is renamed into OUT/<year>.
  void publish(DeptResult& r, int staging_fd, const std::string& staging_name, int year,
               const std::vector<std::string>& names, bool sync_files) {
    const trace::Span span("publish");
    const std::string y = std::to_string(year);
    UniqueFd from = OutDir::open_subdir(staging_fd, y, y, false);
    if (sync_files)
      for (const auto& name : names)
        fsync_file_at(from.get(), name, o_.out_dir / staging_name / y / name);
    UniqueFd to = out_.subdir(y);
    for (const auto& name : names) {
      const fs::path shown = o_.out_dir / y / name;
      if (::renameat(from.get(), name.c_str(), to.get(), name.c_str()) != 0)
        throw std::runtime_error("无法替换 " + shown.string() + "：" + std::strerror(errno));
      r.written.push_back(shown);
    }
    if (::unlinkat(staging_fd, y.c_str(), AT_REMOVEDIR) == 0)
      (void)::unlinkat(out_.fd(), staging_name.c_str(), AT_REMOVEDIR);
    ::fsync(to.get());
  }

  // `turn`: the department's place in the -j1 pipeline, if any (the time waited for the previous
  // department's tail is not held against its time limit).
  void build_into(DeptResult& r, const BatchInput& in, const std::stop_token& stop,
                  PipelineTurn& turn) {
    WorkBudget budget(o_.limits);
    const std::string key = manifest_key(in.key, o_.out_dir);
    auto bytes = read_input(in.file);
    auto hash_of = [&](const std::string& form, Format f) {
      return fp_->output_hash(*bytes, form, f);
    };
    if (bytes && fp_ && !o_.force && manifest_.unchanged(key, o_.formats, o_.out_dir, hash_of)) {
      const ManifestEntry& e = *manifest_.find(key);
      r.label = label_from_manifest(e, in.file);
      r.year = e.year;
      const std::string claim = std::to_string(e.year) + "/" + r.label;
      if (o_.before_output) o_.before_output();
      if (!claim_outputs(r, claim) || !may_publish(r, claim)) return;
      r.status = DeptStatus::Unchanged;
      if (o_.check_unchanged && o_.on_checked) {
        auto c = check_budget_text(*bytes, in.file.string(), ctx_);
        if (c.ok()) o_.on_checked(c);
      }
      return;
    }

    std::optional<LoadedBudget> loaded;
    if (bytes && o_.loaded_ahead) loaded = o_.loaded_ahead->take(*bytes, in.file.string());
    CheckedBudget c = loaded  ? check_loaded_budget(std::move(*loaded), ctx_)
                      : bytes ? check_budget_text(*bytes, in.file.string(), ctx_)
                              : check_budget_file(in.file, ctx_);
    // One document tree for both groups of outputs (the layout, not the tree, is what the groups
    // free). A lone department's is built here, while its fonts may still be loading on the other
    // thread (FontsBeside: before_output waits for them): the tree needs the theme and templates,
    // not the fonts, and building it writes and reports nothing. A tree that cannot be built is
    // dropped here and met again, and reported, where write_outputs builds it.
    DocumentSlot tree;
    if (o_.before_output && c.ok() && reads_document_tree(o_.formats)) {
      try {
        tree.tree = document_for(c, ctx_);
      } catch (const std::exception&) {
        tree.tree.reset();
      }
    }
    if (o_.before_output) o_.before_output();
    for (const auto& d : c.diag.sorted()) {
      if (d.severity == Severity::Error && r.first_error.empty())
        r.first_error = first_line(c.diag.format(d));
      if (o_.quiet && d.severity == Severity::Warning) continue;
      r.diagnostics += c.diag.format(d) + "\n";
    }
    if (c.budget) {
      r.label = department_file_stem(c.budget->dept.code.value, c.budget->dept.name.value);
      r.year = c.budget->dept.year;
    }
    if (!c.ok()) {
      r.status = DeptStatus::Failed;
      if (r.first_error.empty()) r.first_error = r.file.string() + ": 错误: 无法生成";
      return;
    }
    const Budget& b = *c.budget;

    const std::string claim = std::to_string(b.dept.year) + "/" + r.label;
    if (!claim_outputs(r, claim)) return;

    // Formats whose output is missing or out of date (all of them with --force or no manifest).
    std::set<Format> todo;
    ManifestEntry entry;
    entry.form = b.dept.form;
    entry.year = b.dept.year;
    const ManifestEntry* old = manifest_.find(key);
    for (Format f : o_.formats) {
      std::string h = fp_ && bytes ? hash_of(b.dept.form, f) : std::string();
      fs::path final_path = output_path(o_.out_dir, b, f);
      bool current = false;
      if (fp_ && bytes && !o_.force && old && old->form == b.dept.form) {
        auto it = old->outputs.find(format_ext(f));
        std::error_code ec;
        current = it != old->outputs.end() && it->second.hash == h &&
                  it->second.file == final_path.lexically_relative(o_.out_dir).generic_string() &&
                  fs::is_regular_file(final_path, ec);
      }
      if (!current) todo.insert(f);
      if (!h.empty())
        entry.outputs[format_ext(f)] = {final_path.lexically_relative(o_.out_dir).generic_string(),
                                        h};
    }
    if (todo.empty()) {
      if (!may_publish(r, claim)) return;
      r.status = DeptStatus::Unchanged;
      if (o_.check_unchanged && o_.on_checked) o_.on_checked(c);
      return;
    }

    if (stop.stop_requested()) return;  // abandoned before rendering: Cancelled, nothing touched
    const std::string staging_name =
        std::string(kStagingPrefix) + std::to_string(::getpid()) + "." + std::to_string(r.index);
    const fs::path staging = o_.out_dir / staging_name;
    auto drop_staging = [&] {
      std::error_code ec;
      fs::remove_all(staging, ec);  // does not follow symlinks inside
    };
    std::vector<std::string> staged;
    try {
      budget.check_time("检查");
      // Private (0700) and reached through its descriptor: the writers get /proc/self/fd/N/…, so
      // nothing renamed or planted in OUT meanwhile can redirect them.
      UniqueFd staging_fd =
          OutDir::open_subdir(out_.fd(), staging_name, staging.string(), true, 0700);
      const fs::path staging_via_fd = OutDir::fd_path(staging_fd.get());
      OutputThreads threads;
      threads.layout = threads.pdf = sh_.one_worker;
      threads.last_document = sh_.last_document;
      if (sh_.last_document) threads.lanes = o_.lanes;
      threads.caller_syncs_files = sh_.publisher != nullptr;
      if (sh_.pipeline) {
        // The tail (the PDF written) is the longer phase: the front beside it ends first and its
        // worker waits, so the PDF's helper thread fills that core. The layout plans ahead only
        // where nothing runs beside it: the first department's front.
        threads.layout = r.index == 0;
        threads.pdf = true;
        threads.front_done = [&] {
          const trace::Span waiting("wait(previous tail)");
          const auto w = sh_.pipeline->enter_tail(r.index, stop);
          turn.in_tail = true;
          budget.extend(w);
          turn.waited += w;
        };
      }
      const auto groups = output_groups(todo);
      for (const std::set<Format>& group : groups) {
        if (stop.stop_requested()) {
          drop_staging();
          return;  // Cancelled: the previous outputs stay
        }
        tree.last_call = &group == &groups.back();
        std::vector<std::string> notes;
        for (auto& p :
             write_outputs(c, group, staging_via_fd, ctx_, &budget, &notes, threads, &tree))
          staged.push_back(p.filename().string());
        // A fallback face set some characters: visible on the page, so said (W300).
        if (!o_.quiet)
          for (const auto& n : notes)
            r.diagnostics += printable(in.file.string(), std::string::npos - 64) +
                             ": 警告[W300]: " + n +
                             "\n  "
                             "提示：这些字与正文字体不同；如需统一，请改用主字体含有的字，或在主题"
                             "中换用含有这些字的主字体\n";
      }
      // Every format rendered; the earlier departments have claimed their names: move the files
      // into place (same file system, each rename atomic).
      if (!may_publish(r, claim)) {
        drop_staging();
        return;
      }
      // Listed in format order, as one call for all of them would have written them.
      std::vector<std::string> in_order;
      for (Format f : todo) in_order.push_back(output_path(o_.out_dir, b, f).filename().string());
      auto rank = [&](const std::string& name) {
        return std::find(in_order.begin(), in_order.end(), name) - in_order.begin();
      };
      std::stable_sort(
          staged.begin(), staged.end(),
          [&](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
      if (sh_.publisher) {
        // The rest on the publisher: this worker goes on with the next department.
        auto job = std::make_shared<Handoff>(
            Handoff{std::move(r), std::move(staging_fd), staging_name, staging, b.dept.year,
                    std::move(staged), std::make_shared<CheckedBudget>(std::move(c)), key,
                    std::move(entry), fp_ && bytes, turn.started, turn.waited});
        {
          std::lock_guard lk(sh_.mu);
          ++sh_.in_flight;
        }
        turn.handed_off = true;
        sh_.publisher->post([this, job] { publish_handed_off(*job); });
        return;
      }
      publish(r, staging_fd.get(), staging_name, b.dept.year, staged, false);
    } catch (const Pipeline::Abandoned&) {
      drop_staging();
      throw;
    } catch (const LimitError& e) {
      drop_staging();
      r.written.clear();
      fail(r, e.what(), "E014");
      return;
    } catch (const OutPathError& e) {
      drop_staging();
      r.written.clear();
      fail(r, e.what(), "E302");
      return;
    } catch (const ConfigError& e) {  // fonts (E300, E602, E603), themes (E600, E601), logo (E605)
      drop_staging();
      r.written.clear();
      fail(r, e.what(), e.code());
      return;
    } catch (const std::bad_alloc&) {
      drop_staging();
      r.written.clear();
      fail(r, "内存不足，无法生成这个部门的文档（见 --max-memory）", "E014");
      return;
    } catch (const std::exception& e) {
      drop_staging();
      r.written.clear();
      fail(r, e.what());
      return;
    }
    {
      const trace::Span span("staging(drop)");
      drop_staging();
    }
    record_built(r, c, key, std::move(entry), fp_ && bytes);
  }

  // A department handed to the publisher: what build_into did after rendering, then its result.
  struct Handoff {
    DeptResult r;
    UniqueFd staging_fd;
    std::string staging_name;
    fs::path staging;
    int year = 0;
    std::vector<std::string> staged;  // in format order
    std::shared_ptr<CheckedBudget> checked;
    std::string key;
    ManifestEntry entry;
    bool record = false;  // journaled and in the manifest (incremental build)
    Pipeline::Clock::time_point started;
    Pipeline::Clock::duration waited{};
  };

  // On the publisher thread. Never throws: a failure fails the department, as in build_into.
  void publish_handed_off(Handoff& h) {
    DeptResult& r = h.r;
    auto drop_staging = [&] {
      std::error_code ec;
      fs::remove_all(h.staging, ec);
    };
    bool built = false;
    try {
      publish(r, h.staging_fd.get(), h.staging_name, h.year, h.staged, true);
      h.staging_fd = UniqueFd();
      {
        const trace::Span span("staging(drop)");
        drop_staging();
      }
      built = true;
      record_built(r, *h.checked, h.key, std::move(h.entry), h.record);
    } catch (const OutPathError& e) {
      if (!built) drop_staging();
      r.written.clear();
      fail(r, e.what(), "E302");
    } catch (const std::bad_alloc&) {
      if (!built) drop_staging();
      r.written.clear();
      fail(r, "内存不足，无法生成这个部门的文档（见 --max-memory）", "E014");
    } catch (const std::exception& e) {
      if (!built) drop_staging();
      r.written.clear();
      fail(r, e.what());
    }
    r.seconds = seconds_since(h.started) - std::chrono::duration<double>(h.waited).count();
    h.checked.reset();
    std::lock_guard lk(sh_.mu);
    try {
      sh_.done.push_back(std::move(r));
    } catch (const std::bad_alloc&) {
      // Not even the report fits (under --max-memory): the run stops with E014, as when a
      // worker's report does not fit, instead of std::terminate on this thread.
      if (!sh_.abort) sh_.abort = std::current_exception();
    }
    --sh_.in_flight;
    sh_.cv.notify_one();
  }

  // The department's outputs are in place: its status, the summary's row, its record for the
  // next run (the journal line, then the manifest at the run's end).
  void record_built(DeptResult& r, const CheckedBudget& c, const std::string& key,
                    ManifestEntry entry, bool record) {
    r.status = DeptStatus::Built;
    if (o_.on_checked) o_.on_checked(c);
    if (record) {
      // Journaled now, so that a run killed later does not build this department again. A run of
      // one department has no later department to lose: the manifest written at its end (right
      // after this, run_batch) records it as durably as the journal line would have (fsync'ed,
      // renamed, OUT fsync'ed); a kill before that loses the record either way (the department is
      // built again). One fsync, the journal's read-back and its unlink fewer.
      std::string journal_error;
      try {
        if (inputs_.size() > 1) {
          const trace::Span journal_span("journal");
          Manifest::journal(o_.out_dir, key, entry);
        }
      } catch (const std::exception& e) {
        journal_error = e.what();
      }
      std::lock_guard lk(sh_.mu);
      sh_.manifest_updates.emplace_back(key, std::move(entry));
      if (!journal_error.empty() && sh_.journal_warnings.empty())
        sh_.journal_warnings.push_back("无法写入增量构建日志：" + journal_error);
    }
  }
};

}  // namespace

Shard parse_shard(const std::string& text) {
  auto bad = [&]() {
    return std::invalid_argument("--shard 应写成 k/N（1 ≤ k ≤ N），例如 2/8：“" + text + "”");
  };
  size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) throw bad();
  auto number = [&](const std::string& s) -> unsigned {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos)
      throw bad();
    return static_cast<unsigned>(std::stoul(s));
  };
  Shard s{number(text.substr(0, slash)), number(text.substr(slash + 1))};
  if (s.count == 0 || s.index == 0 || s.index > s.count) throw bad();
  return s;
}

bool in_shard(std::string_view shard_path, const Shard& s) {
  return fnv1a64(shard_path) % s.count == s.index - 1;
}

BatchInputs collect_batch_inputs(const std::vector<std::string>& paths,
                                 const std::optional<Shard>& shard) {
  BatchInputs out;
  std::unordered_set<std::string> seen;
  for (const auto& arg : paths) {
    auto found = collect_inputs({arg});
    out.errors.insert(out.errors.end(), found.errors.begin(), found.errors.end());
    std::error_code ec;
    bool dir = fs::is_directory(arg, ec);
    for (auto& f : found.files) {
      BatchInput in;
      in.key = absolute_key(f);
      if (!seen.insert(in.key).second) continue;  // the same file named twice is built once
      in.shard_path = dir ? f.lexically_relative(arg).generic_string() : f.filename().string();
      in.file = std::move(f);
      ++out.found;
      if (shard && !in_shard(in.shard_path, *shard)) continue;
      out.files.push_back(std::move(in));
    }
  }
  return out;
}

void check_all(const std::vector<BatchInput>& inputs, unsigned jobs, const Context& ctx,
               const std::function<void(const CheckedBudget&)>& on_ok,
               const std::function<bool()>& stop_requested) {
  if (inputs.empty()) return;
  jobs = std::min<size_t>(jobs ? jobs : default_jobs(), inputs.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  {
    std::vector<std::jthread> pool;
    for (unsigned w = 0; w < jobs; ++w)
      pool.emplace_back([&] {
        for (size_t i; !stop && (i = next.fetch_add(1)) < inputs.size();) {
          try {
            auto c = check_budget_file(inputs[i].file, ctx);
            if (c.ok()) on_ok(c);
          } catch (const std::exception&) {
            // A department that cannot be checked now simply has no row (it was built before).
          }
        }
      });
    while (next.load() < inputs.size() && !stop) {
      if (stop_requested && stop_requested()) stop = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }  // joins
}

size_t remove_stale_temp_files(const fs::path& out_dir) {
  std::error_code ec;
  if (!fs::is_directory(out_dir, ec)) return 0;
  size_t removed = remove_temps_in(out_dir, out_dir);
  std::vector<fs::path> dead_locks;
  for (auto it = fs::directory_iterator(out_dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    // A year directory only: a symlink (to anywhere) is not entered, so nothing outside OUT is
    // ever removed.
    std::error_code sec;
    if (!name.empty() && name[0] != '.' &&
        it->symlink_status(sec).type() == fs::file_type::directory)
      removed += remove_temps_in(it->path(), out_dir);
    if (name.rfind(kRunLockPrefix, 0) == 0) {
      const std::string pid = name.substr(std::string(kRunLockPrefix).size());
      if (!pid.empty() && pid.size() <= 9 &&
          pid.find_first_not_of("0123456789") == std::string::npos &&
          std::stol(pid) != static_cast<long>(::getpid()) && run_is_dead(out_dir, std::stol(pid)))
        dead_locks.push_back(it->path());
    }
  }
  // Last: a dead run's lock file is what proved its temp files stale.
  for (const auto& p : dead_locks) {
    std::error_code rec;
    fs::remove(p, rec);
  }
  return removed;
}

BatchReport run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& o,
                      const Context& ctx, const BatchCallbacks& cb) {
  auto t0 = std::chrono::steady_clock::now();
  BatchReport rep;
  // First: an unusable OUT (a file, a dangling symlink, read-only, no permission) is one error of
  // the run (OutDirError), not one per department.
  const OutDir out(o.out_dir);
  std::optional<InputFingerprint> fp;
  Manifest manifest;
  if (o.use_manifest) {
    fp.emplace(ctx, source_date_epoch());
    manifest = Manifest::load(o.out_dir);
    if (!manifest.warning().empty()) rep.warnings.push_back(manifest.warning());
  }
  const RunLock run_lock(out);
  remove_stale_temp_files(o.out_dir);

  Shared sh(inputs.size());
  DeptBuilder builder(o, ctx, fp ? &*fp : nullptr, manifest, sh, out, inputs);
  std::stop_source stop;
  std::atomic<size_t> next{0};
  const size_t total = inputs.size();
  unsigned jobs = o.jobs ? o.jobs : default_jobs();
  if (jobs > total) jobs = static_cast<unsigned>(total ? total : 1);

  std::map<size_t, DeptResult> pending;  // finished, waiting for earlier departments (input order)
  size_t emit_next = 0, received = 0;
  auto deliver = [&](DeptResult&& r) {
    ++received;
    switch (r.status) {
      case DeptStatus::Built:
        ++rep.built;
        break;
      case DeptStatus::Unchanged:
        ++rep.unchanged;
        break;
      case DeptStatus::Failed:
        ++rep.failed;
        break;
      case DeptStatus::Cancelled:
        ++rep.cancelled;
        break;
    }
    if (cb.progress) cb.progress(received, total, r);
    pending.emplace(r.index, std::move(r));
    for (auto it = pending.find(emit_next); it != pending.end(); it = pending.find(emit_next)) {
      if (it->second.status == DeptStatus::Failed) rep.failures.push_back(it->second.first_error);
      if (cb.result) cb.result(it->second);
      pending.erase(it);
      ++emit_next;
    }
  };

  {
    std::vector<std::jthread> pool;
    sh.workers_alive = jobs;
    sh.one_worker = jobs == 1;
    sh.last_document = o.only_run && total == 1;
    const bool park_worker = sh.last_document && !kTearDownAtExit;
    // A lone department publishes by itself: nothing would run beside its waits for the disk.
    if (total >= 2) sh.publisher = std::make_unique<OrderedWorker>(2);
    // -j1 with two departments or more: two workers, one in the fronts and one in the tails.
    if (jobs == 1 && total >= 2 && o.pipeline && default_jobs() >= 2) {
      sh.pipeline.emplace();
      jobs = 2;
      sh.workers_alive = jobs;
    }
    for (unsigned w = 0; w < jobs; ++w)
      pool.emplace_back([&, park_worker, token = stop.get_token()] {
        for (;;) {
          if (token.stop_requested()) break;
          {
            std::lock_guard lk(sh.mu);
            if (sh.abort) break;
          }
          size_t i = next.fetch_add(1);
          if (i >= total) break;
          std::optional<DeptResult> r;
          bool handed_off = false;
          try {
            r = builder.build(i, inputs[i], token, handed_off);
          } catch (...) {
            // A RunAbort, or what escaped the department's own handling: a std::bad_alloc while
            // its result was being set up or reported under --max-memory (build() turns one in
            // its work into the department's E014). The run stops with it (cli/ reports E014)
            // instead of std::terminate ending the process.
            std::lock_guard lk(sh.mu);
            if (!sh.abort) sh.abort = std::current_exception();
            break;
          }
          if (!r) {
            if (!handed_off) ++sh.never_started;
            continue;
          }
          std::lock_guard lk(sh.mu);
          try {
            sh.done.push_back(std::move(*r));
          } catch (const std::bad_alloc&) {
            // Not even the report fits (under --max-memory): the run stops with E014 (cli/) and
            // this thread ends normally, instead of std::terminate.
            if (!sh.abort) sh.abort = std::current_exception();
            break;
          }
          sh.cv.notify_one();
        }
        {
          std::lock_guard lk(sh.mu);
          --sh.workers_alive;
          sh.cv.notify_one();
        }
        // A lone department's worker, its department delivered, is left to the process's end
        // instead of ending: a thread's end runs mimalloc's teardown of its heap (≈ 2.5 M
        // instructions), which the run waited for before it wrote the manifest and exited
        // (util/process_end.hpp; with the sanitizers it ends as usual). It touches nothing of this
        // function's any more (park_worker is its own copy): run_batch detaches it below.
        if (park_worker) park_forever();
      });

    for (;;) {
      std::deque<DeptResult> batch;
      bool finished = false;
      {
        std::unique_lock lk(sh.mu);
        sh.cv.wait_for(lk, std::chrono::milliseconds(100), [&] {
          return !sh.done.empty() || (sh.workers_alive == 0 && sh.in_flight == 0);
        });
        batch.swap(sh.done);
        finished = sh.workers_alive == 0 && sh.in_flight == 0;
      }
      for (auto& r : batch) deliver(std::move(r));
      if (!rep.stopped && o.stop_requested && o.stop_requested()) {
        rep.stopped = true;
        stop.request_stop();
      }
      if (finished) {
        std::lock_guard lk(sh.mu);
        if (sh.done.empty()) break;
      }
    }
    if (park_worker)
      for (auto& worker : pool) worker.detach();  // parked (above) or about to be
  }                                               // joins the pool (but a parked worker)
  sh.publisher.reset();  // idle: every department handed to it was delivered (in_flight 0)

  // Departments never started (stopped) are counted, not reported one by one.
  size_t started = std::min(next.load(), total);
  rep.cancelled += total - started + sh.never_started;
  // In-order delivery waits for every started department, so nothing should be left pending.
  for (auto& [i, r] : pending) {
    if (r.status == DeptStatus::Failed) rep.failures.push_back(r.first_error);
    if (cb.result) cb.result(r);
  }

  rep.warnings.insert(rep.warnings.end(), sh.journal_warnings.begin(), sh.journal_warnings.end());
  std::error_code jec;
  const bool journal_left = fs::exists(o.out_dir / kManifestJournal, jec);  // of a killed run
  bool manifest_failed = false;
  if (fp && (!sh.manifest_updates.empty() || journal_left)) {
    for (const auto& [key, e] : sh.manifest_updates) manifest.update(key, e);
    try {
      const trace::Span span("manifest");
      manifest.save(o.out_dir);
    } catch (const std::exception& e) {
      manifest_failed = true;
      rep.warnings.push_back(std::string("无法写入增量构建清单：") + e.what());
    }
  }
  // This run's own temp files and staging directories are gone when every department was built
  // or unchanged and the manifest was written: each is renamed or removed where it is made. The
  // sweep (OUT and its year directories read, ≈ 0.2–0.3 ms at the end of every lone build, round
  // 15) is for what a failure, a stop or an abort may leave; those of other runs that died were
  // swept at the start.
  if (rep.failed || rep.cancelled || rep.stopped || sh.abort || manifest_failed)
    remove_stale_temp_files(o.out_dir);
  if (sh.abort) std::rethrow_exception(sh.abort);
  rep.seconds = seconds_since(t0);
  return rep;
}

}  // namespace bp
