#include "text/typeset_caches.hpp"

namespace bp::text {

void TypesetCachePool::Lease::release() {
  if (!caches_) return;  // moved from, or released
  caches_->shaper.next_document();
  caches_->prepared.next_document();
  std::lock_guard lock(pool_->mu_);
  pool_->idle_.push_back(std::move(caches_));
  --pool_->active_;
}

TypesetCachePool::Lease TypesetCachePool::lease() {
  std::unique_ptr<TypesetCaches> c;
  {
    std::lock_guard lock(mu_);
    ++active_;
    if (!idle_.empty()) {
      c = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!c) c = std::make_unique<TypesetCaches>();
  return Lease(*this, std::move(c));
}

size_t TypesetCachePool::active() const {
  std::lock_guard lock(mu_);
  return active_;
}

}  // namespace bp::text
