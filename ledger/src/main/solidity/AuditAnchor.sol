// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title AuditAnchor
/// @notice Public, append-only record of the audit log's Merkle roots (RFC 9162 tree heads),
///         so anyone can check that a checkpoint the platform shows was fixed at a given time
///         and that the platform never rewrote history (sizes only grow).
/// @dev Deliberately minimal: no upgradeability, no ownership transfer, so the rules cannot change later.
contract AuditAnchor {
    /// @notice The only account allowed to anchor: the platform's key that deployed the contract.
    address public immutable owner;

    /// @notice Size of the most recently anchored tree (0 before the first anchor).
    uint64 public latestTreeSize;

    /// @notice Root hash of the most recently anchored tree.
    bytes32 public latestRoot;

    /// @notice Root anchored for a given tree size, so a verifier can check any past checkpoint directly.
    mapping(uint64 => bytes32) public rootAt;

    /// @notice Emitted on every anchor; the log lets off-chain tools follow the history cheaply.
    event Anchored(uint64 indexed treeSize, bytes32 root, uint256 timestamp);

    /// @notice Caller is not the owner.
    error NotOwner(address caller);

    /// @notice Tree size does not grow: an audit log never shrinks or repeats a checkpoint.
    error TreeSizeNotIncreasing(uint64 latest, uint64 given);

    constructor() {
        owner = msg.sender;
    }

    /// @notice Anchor the root of the audit tree with `treeSize` leaves.
    /// @dev Sizes must strictly increase so one size can never be bound to two different roots.
    function anchor(uint64 treeSize, bytes32 root) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (treeSize <= latestTreeSize) revert TreeSizeNotIncreasing(latestTreeSize, treeSize);
        latestTreeSize = treeSize;
        latestRoot = root;
        rootAt[treeSize] = root;
        emit Anchored(treeSize, root, block.timestamp);
    }
}
