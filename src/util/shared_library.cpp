#include "util/shared_library.hpp"

#include <dlfcn.h>

namespace bp {

namespace {

std::string loader_reason() {
  const char* why = dlerror();
  return why ? why : "原因不明";
}

std::string install_hint(const LibrarySpec& spec) {
  return "请安装 Debian 软件包 " + std::string(spec.package) + "（apt-get install " + spec.package +
         "）";
}

}  // namespace

SharedLibrary::SharedLibrary(const LibrarySpec& spec) : spec_(spec) {
  // Only this call's error is reported: dlerror() is per thread and cleared by reading it.
  dlerror();
  handle_ = dlopen(spec.soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle_)
    throw LibraryError("",
                       "无法加载 " + std::string(spec.soname) + "（" + spec.needed_for +
                           "需要它）：" + loader_reason() + "。" + install_hint(spec),
                       spec.code);
}

SharedLibrary::~SharedLibrary() {
  if (handle_ && !keep_open_) dlclose(handle_);
}

void* SharedLibrary::symbol(const char* name) const {
  dlerror();
  void* address = dlsym(handle_, name);
  if (!address)
    throw LibraryError("",
                       std::string(spec_.soname) + " 缺少函数 " + name + "（" + spec_.needed_for +
                           "需要它；库的版本与 budgetpress 编译时的不同？）：" + loader_reason() +
                           "。" + install_hint(spec_),
                       spec_.code);
  return address;
}

}  // namespace bp
