import { CopyIcon, PencilIcon, TrashIcon } from '../../ui/icons.tsx';
import { MenuButton } from '../../ui/menu-button.tsx';

/** The card's action menu: Edit, Duplicate, Create alert on this metric (metric widgets only), Delete. */
export function CardMenu({
  widgetName,
  editHref,
  onDuplicate,
  onDelete,
  onCreateAlert,
}: {
  widgetName: string;
  editHref: string;
  onDuplicate: () => void;
  onDelete: () => void;
  /** Only for widgets that plot a metric (Cekura's "Create alert on this metric"). */
  onCreateAlert?: (() => void) | undefined;
}) {
  return (
    <MenuButton
      label={`Actions for ${widgetName}`}
      items={[
        { label: 'Edit', Icon: PencilIcon, href: editHref },
        { label: 'Duplicate', Icon: CopyIcon, onSelect: onDuplicate },
        ...(onCreateAlert ? [{ label: 'Create alert on this metric', onSelect: onCreateAlert }] : []),
        { label: 'Delete', Icon: TrashIcon, onSelect: onDelete, danger: true },
      ]}
    />
  );
}
