/// LLVM's prefetch intrinsic: start loading the cache line at `address` (`write` 0: for a
/// read; `locality` 3: keep it in every cache level; `cacheType` 1: data).
@_silgen_name("llvm.prefetch.p0")
private func llvmPrefetch(_ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cacheType: Int32)

/// Asks the processor to start loading the cache line that holds `address` without
/// waiting for it, so that a later load finds it cached. A hint only: it changes no value
/// and cannot fault, whatever the address.
@inline(__always)
func prefetch(_ address: UnsafeRawPointer) {
    llvmPrefetch(address, 0, 3, 1)
}

/// Starts loading a bounding box stored as its minima then its maxima (`dimensions` values
/// each): both halves, which lie on different cache lines when a box spans two.
@inline(__always)
func prefetchBox(_ box: UnsafePointer<Double>, dimensions: Int) {
    prefetch(box)
    prefetch(box + dimensions)
}
