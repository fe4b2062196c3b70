import { CopyIcon, PencilIcon, TrashIcon } from '../../ui/icons.tsx';
import { MenuButton } from '../../ui/menu-button.tsx';

/** The card's action menu: Edit, Duplicate, Delete. */
export function CardMenu({
  widgetName,
  editHref,
  onDuplicate,
  onDelete,
}: {
  widgetName: string;
  editHref: string;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  return (
    <MenuButton
      label={`Actions for ${widgetName}`}
      items={[
        { label: 'Edit', Icon: PencilIcon, href: editHref },
        { label: 'Duplicate', Icon: CopyIcon, onSelect: onDuplicate },
        { label: 'Delete', Icon: TrashIcon, onSelect: onDelete, danger: true },
      ]}
    />
  );
}
