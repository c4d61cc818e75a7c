// Characters that no configured font covers. The typesetter records them (with the place the layout
// says it is working on) instead of printing tofu; the renderer then fails with one error listing
// every missing character and where it occurs.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
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
  void set_context(std::string where) { context_ = std::move(where); }

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
  size_t events_ = 0;
  std::map<char32_t, Entry> missing_;
  std::map<std::string, std::map<char32_t, Entry>> fallbacks_;  // by font
};

}  // namespace bp::text
