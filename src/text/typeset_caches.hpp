// The caches of typeset text that a worker keeps from one document to the next: shaped runs
// (ShapeCache), prepared paragraphs (PreparedCache), ICU's dictionary words (DictionaryWords) and
// line-break opportunities (LineBreaker). A batch renders its departments on a few
// workers; each document leases one set of caches from the pool (no two documents share one at a
// time, the caches are not thread-safe), and gives it back when it is done, after the caches
// dropped what the last two documents did not use. The pool belongs to the FontSet: the caches
// name its faces, so they live no longer than the fonts.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "text/prepared_cache.hpp"
#include "text/shape_cache.hpp"
#include "text/word_break.hpp"

namespace bp::text {

struct TypesetCaches {
  ShapeCache shaper;
  PreparedCache prepared;
  DictionaryWords words;  // ICU's word ends per run of letters (any term list)
  LineBreaker breaks;     // libunibreak's answers per canonical text
};

class TypesetCachePool {
 public:
  // One set of caches for one document; back to the pool when the lease ends.
  class Lease {
   public:
    Lease(TypesetCachePool& pool, std::unique_ptr<TypesetCaches> caches)
        : pool_(&pool), caches_(std::move(caches)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease() { release(); }
    // Gives the caches back to the pool now (they must not be used afterwards); once only.
    void release();
    explicit operator bool() const { return caches_ != nullptr; }
    TypesetCaches& operator*() const { return *caches_; }
    TypesetCaches* operator->() const { return caches_.get(); }

   private:
    TypesetCachePool* pool_;
    std::unique_ptr<TypesetCaches> caches_;
  };

  // An idle set of caches, or a new one. Thread-safe.
  Lease lease();
  // How many documents hold a lease now (the documents being typeset at the same time).
  size_t active() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<TypesetCaches>> idle_;
  size_t active_ = 0;
};

}  // namespace bp::text
