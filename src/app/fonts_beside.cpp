#include "app/fonts_beside.hpp"

#include <fstream>
#include <iterator>

#include "text/word_break.hpp"
#include "util/trace.hpp"

namespace bp {

namespace {

// Parses the profile the department names, if there is one: the form the load ahead read, or
// else (no load ahead, or a file that did not load) the one a look at the file's lines finds. A
// malformed profile is not reported here: ProfileStore keeps its error for the department, which
// gets it only if it uses that form.
void parse_profile_of(const Context& ctx, const std::filesystem::path& department,
                      const LoadedAhead* ahead) {
  try {
    std::string form = ahead ? ahead->form() : std::string();
    if (form.empty()) {
      constexpr size_t kLook = 1 << 20;  // `form:` is near the top; a huge file is the loader's
      std::ifstream in(department, std::ios::binary);
      std::string head(kLook, '\0');
      in.read(head.data(), static_cast<std::streamsize>(kLook));
      head.resize(static_cast<size_t>(in.gcount()));
      form = guess_form(head);
    }
    if (!form.empty()) (void)ctx.profile(form);
  } catch (const std::exception&) {
  }
}

// The outcome is told as soon as the fonts are loaded: the department goes on while the word-break
// engine is still being created (its first word iterator waits for it inside ICU, if need be).
void load(const Context& ctx, const std::filesystem::path& department, const LoadedAhead* ahead,
          std::promise<std::optional<PreflightError>>& outcome) {
  {
    const trace::Span span("profile");
    parse_profile_of(ctx, department, ahead);
  }
  std::optional<PreflightError> error;
  try {
    error = preflight_typesetting(ctx);
  } catch (...) {
    outcome.set_exception(std::current_exception());
    return;
  }
  outcome.set_value(error);
  if (error) return;
  // HarfBuzz's layout tables of the theme's faces: the layout's two threads would each build
  // every face's accelerators at their first shaping (racing: both pay).
  try {
    const trace::Span span("shaping(warm)");
    ctx.typesetting().fonts.warm_layout_tables();
  } catch (const std::exception&) {
    // Only a head start: the layout loads whatever is missing itself, and reports its errors.
  }
}

}  // namespace

std::string guess_form(std::string_view yaml) {
  for (size_t at = 0; at < yaml.size();) {
    size_t end = yaml.find('\n', at);
    if (end == std::string_view::npos) end = yaml.size();
    std::string_view line = yaml.substr(at, end - at);
    at = end + 1;
    const size_t indent = line.find_first_not_of(' ');
    if (indent == 0 || indent == std::string_view::npos) continue;  // top-level keys, blank lines
    line.remove_prefix(indent);
    if (line.substr(0, 5) != "form:") continue;
    line.remove_prefix(5);
    line.remove_prefix(std::min(line.size(), line.find_first_not_of(' ')));
    if (const size_t hash = line.find(" #"); hash != std::string_view::npos)
      line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') &&
        line.back() == line.front())
      line = line.substr(1, line.size() - 2);
    return std::string(line);
  }
  return {};
}

// The thread parks when the work is done (util/parking_thread.hpp): its end would run mimalloc's
// teardown of its heap (≈ 1.6 M instructions) on the core where the layout's helper starts its
// first job.
FontsBeside::FontsBeside(std::filesystem::path department, const std::optional<CpuLanes>& lanes,
                         LoadedAhead* ahead)
    : outcome_(promise_.get_future()),
      thread_(
          [this, department = std::move(department), context = context_.get_future().share(),
           ahead] {
            // The department first: its thread starts after the configuration is read and needs
            // the load at once; the engine is needed only when the layout starts.
            if (ahead) ahead->run();
            warm_words();
            const Context* ctx = context.get();
            if (ctx) load(*ctx, department, ahead, promise_);
          },
          lanes) {}

FontsBeside::FontsBeside(const Context& ctx, std::filesystem::path department,
                         const std::optional<CpuLanes>& lanes)
    : FontsBeside(std::move(department), lanes) {
  start(ctx);
}

void FontsBeside::start(const Context& ctx) {
  if (started_) return;
  started_ = true;
  context_.set_value(&ctx);
}

FontsBeside::~FontsBeside() {
  if (!started_) context_.set_value(nullptr);  // the thread stops after the engine
}  // then ParkingThread waits for the work

void FontsBeside::warm_words() {
  if (words_started_.exchange(true)) return;
  const trace::Span span("words(warm)");
  text::warm_word_breaking();
}

void FontsBeside::wait_ok() {
  std::call_once(got_, [&] {
    const trace::Span span("wait(fonts)");
    error_ = outcome_.get();
  });
  if (error_) throw PreflightAbort(*error_);
}

}  // namespace bp
