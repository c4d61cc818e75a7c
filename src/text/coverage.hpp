// Characters that no configured font covers. The typesetter records them (with the place the layout
// says it is working on) instead of printing tofu; the renderer then fails with one error listing
// every missing character and where it occurs.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bp::text {

class MissingGlyphsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Coverage {
 public:
  // The current place ("table t1-summary row 3 column 2 (examples/x.yaml:12:5)"); set by the
  // layout.
  void set_context(std::string where);

  // What a piece of work reported (places set, characters missing or set in a fallback face), in
  // order: work done ahead on another thread (layout/plan_ahead.hpp) is reported by replaying its
  // journal into the document's Coverage where the document's order reaches it, so that the
  // report is the same as if the work had been done there.
  struct Event {
    enum class Kind : uint8_t { Context, Missing, Fallback };
    Kind kind = Kind::Context;
    char32_t cp = 0;
    std::string text;                // the place (Context), the font (Fallback)
    std::vector<std::string> fonts;  // Missing
  };
  using Journal = std::vector<Event>;
  // While `j` is set, what is reported goes into *j instead (events() counts it as ever). Returns
  // the journal set before.
  Journal* divert(Journal* j) { return std::exchange(journal_, j); }
  // Reports the events of `j` (in order, as if they happened now).
  void replay(const Journal& j);

  void missing(char32_t cp, const std::vector<std::string>& fonts);
  // `cp` was set in `font`, a fallback of the theme (not the style's own face): the build says so,
  // since a character in another typeface is visible on the page.
  void fallback(char32_t cp, const std::string& font);
  bool ok() const { return missing_.empty(); }
  // How many characters were reported so far (missing or set in a fallback face): a caller that
  // memoises typeset text knows from it whether a call reported anything.
  size_t events() const { return events_; }
  // One line per fallback font: "字体 F 代替主字体排了 N 个字：U+xxxx '字' （在：place），…"; empty
  // when every character was set in its style's own face.
  std::vector<std::string> fallback_report() const;
  // "U+xxxx 'c' (fonts: A, B) in: place; place; …" for every missing character.
  std::string report() const;
  // Throws MissingGlyphsError with report() unless ok().
  void throw_if_missing() const;

 private:
  struct Entry {
    std::vector<std::string> fonts;
    std::vector<std::string> places;  // first few only
    int count = 0;
    void seen(const std::string& where);
  };
  std::string context_;
  Journal* journal_ = nullptr;
  size_t events_ = 0;
  std::map<char32_t, Entry> missing_;
  std::map<std::string, std::map<char32_t, Entry>> fallbacks_;  // by font
};

}  // namespace bp::text
